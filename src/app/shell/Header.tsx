import { LANGUAGES, type Language } from '../../core';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useSession } from '../session/context';
import { SaveStatus } from './SaveStatus';

export function Header() {
  const { t, language, setLanguage } = useI18n();
  const { profile, close } = useSession();
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
            {LANGUAGES.map((l) => (
              <option value={l} key={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
          {profile && (
            <button type="button" class="button button--quiet" onClick={close}>
              {t('app.switchProfile')}
            </button>
          )}
        </div>
      </div>
      {profile && <SaveStatus />}
    </header>
  );
}
