import type { ComponentChildren } from 'preact';
import { INTERFACE_LANGUAGES, useI18n } from '../i18n';
import type { Language } from '../../core';
import { href } from '../router';

/**
 * The header's first row: the name and the language choice, plus whatever tools the caller adds.
 * Free of storage and sync so the welcome screen (prerendered, and usable before the rest of the
 * app arrives) draws the same header as the app.
 */
export function HeaderBar({ tools, children }: { tools?: ComponentChildren; children?: ComponentChildren }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <header class="app-header">
      <div class="app-header__row">
        <a class="app-header__brand" href={href({ name: 'home' })}>
          <img src="icons/favicon.svg" alt="" width="28" height="28" />
          <span>{t('app.name')}</span>
        </a>
        <div class="app-header__tools">
          <label class="visually-hidden" for="language-select">
            {t('app.language')}
          </label>
          <select id="language-select" value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
            {INTERFACE_LANGUAGES.map((l) => (
              <option value={l} key={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
          {tools}
        </div>
      </div>
      {children}
    </header>
  );
}
