import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../core';
import { I18nContext, makeI18n } from '../i18n';
import { HeaderBar } from '../shell/HeaderBar';
import { SkipLink } from '../shell/SkipLink';
import { UpdatePrompt } from '../shell/UpdatePrompt';
import { Welcome } from './Welcome';

interface WelcomePageProps {
  language: Language;
  startTeacher(displayName: string, language: Language): Promise<void>;
}

/**
 * The page a new visitor sees first, laid out like the app's (skip link, header, main, toast) so
 * nothing moves when the app takes over. The build prerenders it into the HTML in every catalog's
 * language; main.tsx hydrates it with only preact, the catalogs and these components.
 */
export function WelcomePage({ language: initial, startTeacher }: WelcomePageProps) {
  const [language, setLanguage] = useState<Language>(initial);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <I18nContext.Provider value={makeI18n(language, setLanguage)}>
      <SkipLink />
      <HeaderBar />
      <main id="main" tabIndex={-1}>
        <Welcome addingPerson={false} startTeacher={(name) => startTeacher(name, language)} />
      </main>
      <UpdatePrompt />
    </I18nContext.Provider>
  );
}
