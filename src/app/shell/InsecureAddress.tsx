import { pickLanguage } from '../i18n';
import * as insecure from '../i18n/catalogs/insecure';

type Key = keyof typeof insecure.en;

/** Its own small catalog (en, es), loaded only with this page: secure visits never download it. */
function translate(key: Key, params: Record<string, string> = {}): string {
  const catalog = pickLanguage(navigator.languages ?? [navigator.language]) === 'es' ? insecure.es : insecure.en;
  return catalog[key].replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
}

/**
 * Shown instead of the app when the page is not a secure context (plain http:// on a school
 * address that is not localhost): the browser gives such a page no service worker (no offline use,
 * no install) and no crypto.subtle (PINs, photos), so half the app would quietly not work.
 */
export function InsecureAddress() {
  const https = `https://${location.host}${location.pathname}${location.hash}`;
  return (
    <main id="main" class="insecure-address">
      <div class="card stack">
        <h1>{translate('insecure.title')}</h1>
        <p>{translate('insecure.why', { address: location.origin })}</p>
        <p>{translate('insecure.whereInstead')}</p>
        <p>
          {/* A long address must wrap inside a narrow screen rather than run off it. */}
          <a class="button button--primary" style={{ maxWidth: '100%', overflowWrap: 'anywhere' }} href={https}>
            {translate('insecure.tryHttps', { address: `https://${location.host}` })}
          </a>
        </p>
        <p class="muted">{translate('insecure.forAdmin')}</p>
      </div>
    </main>
  );
}
