import { useI18n } from '../i18n';

export function SkipLink() {
  const { t } = useI18n();
  return <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t('app.skip')}</a>;
}
