import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

type Loader<P> = () => Promise<ComponentType<P>>;

/**
 * A screen loaded on first use, so it does not weigh on the first visit's download. The service
 * worker precaches every chunk, so this works offline too.
 */
export function lazyScreen<P extends object>(load: Loader<P>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const { t } = useI18n();
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (!loaded) void load().then((c) => setComponent(() => (loaded = c)));
    }, []);
    return Component ? <Component {...props} /> : <p class="muted">{t('app.loading')}</p>;
  };
}
