import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

type Loader<P> = () => Promise<ComponentType<P>>;

/**
 * A screen loaded on first use, so it does not weigh on the first visit's download. The service
 * worker precaches every chunk, so this works offline too.
 */
export type LazyScreen<P> = ComponentType<P> & {
  /** Loads the screen ahead of its first use, so it then draws in the same frame as the tap. */
  preload(): void;
};

export function lazyScreen<P extends object>(load: Loader<P>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => (loading ??= load().then((c) => (loaded = c)));
  function LazyScreen(props: P) {
    const { t } = useI18n();
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (!loaded) void start().then((c) => setComponent(() => c));
    }, []);
    return Component ? <Component {...props} /> : <p class="muted">{t('app.loading')}</p>;
  }
  return Object.assign(LazyScreen, { preload: () => void start() });
}
