import { pickLanguage, translator } from '../i18n';

/**
 * Shown instead of the app when the page is not a secure context (plain http:// on a school
 * address that is not localhost): the browser gives such a page no service worker (no offline use,
 * no install) and no crypto.subtle (PINs, photos), so half the app would quietly not work.
 */
export function InsecureAddress() {
  const t = translator(pickLanguage(navigator.languages ?? [navigator.language]));
  const https = `https://${location.host}${location.pathname}${location.hash}`;
  return (
    <main id="main" class="insecure-address">
      <div class="card stack">
        <h1>{t('insecure.title')}</h1>
        <p>{t('insecure.why', { address: location.origin })}</p>
        <p>{t('insecure.whereInstead')}</p>
        <p>
          {/* A long address must wrap inside a narrow screen rather than run off it. */}
          <a class="button button--primary" style={{ maxWidth: '100%', overflowWrap: 'anywhere' }} href={https}>{t('insecure.tryHttps', { address: `https://${location.host}` })}</a>
        </p>
        <p class="muted">{t('insecure.forAdmin')}</p>
      </div>
    </main>
  );
}
