import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../core';
import { updateProfile } from '../local/profiles';
import { I18nContext, makeI18n, pickLanguage } from './i18n';
import { Header } from './shell/Header';
import { SkipLink } from './shell/SkipLink';
import { StorageAlerts } from './shell/StorageAlerts';
import { UpdatePrompt } from './shell/UpdatePrompt';
import { Screen } from './shell/Screen';
import { SessionProvider } from './session/SessionProvider';
import { useSession } from './session/context';
import { TeacherProjection } from './session/TeacherProjection';
import { SyncProvider } from './session/SyncProvider';

export function App({ initialLanguage }: { initialLanguage?: Language | undefined }) {
  const [ready, setReady] = useState(false);
  return (
    <SessionProvider onReady={() => setReady(true)}>
      <Localized initialLanguage={initialLanguage}>
        <SyncProvider>
        <SkipLink />
        <Header />
        <StorageAlerts />
        <TeacherProjection />
        <main id="main" tabIndex={-1}>{ready ? <Screen /> : null}</main>
        <UpdatePrompt />
        </SyncProvider>
      </Localized>
    </SessionProvider>
  );
}

/** The interface speaks the current person's language; before anyone is chosen, the browser's. */
function Localized({ children, initialLanguage }: { children: preact.ComponentChildren; initialLanguage: Language | undefined }) {
  const { profile, refreshProfile } = useSession();
  const [deviceLanguage, setDeviceLanguage] = useState<Language>(() => initialLanguage ?? pickLanguage(navigator.languages ?? [navigator.language]));
  const language = profile?.language ?? deviceLanguage;
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const i18n = makeI18n(language, (next) => {
    setDeviceLanguage(next);
    if (profile) void updateProfile(profile.id, { language: next }).then(refreshProfile);
  });
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}
