import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n';
import { setServiceWorkerState, updateNow, useServiceWorkerState } from '../pwa/sw-state';

const OFFLINE_READY_SHOWN_MS = 6_000;

/**
 * Offers a new version instead of reloading by itself: an automatic reload could throw away a
 * sentence being typed. Edits are already stored, so updating is always safe when chosen. Says
 * "Ready to work offline" once, when the service worker has stored every file.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const { needRefresh, offlineReady } = useServiceWorkerState();
  // "Ready to work offline" is news, not a question: it steps aside by itself instead of covering
  // the buttons at the bottom of the screen. "A new version is ready" waits for an answer.
  useEffect(() => {
    if (!offlineReady || needRefresh) return;
    const timer = setTimeout(() => setServiceWorkerState({ offlineReady: false }), OFFLINE_READY_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [offlineReady, needRefresh]);
  if (!needRefresh && !offlineReady) return null;
  return (
    <div class="toast" role="status">
      <p>{needRefresh ? t('update.ready') : t('update.offlineReady')}</p>
      {needRefresh && (
        <button type="button" class="button button--primary" onClick={updateNow}>
          {t('update.reload')}
        </button>
      )}
      <button type="button" class="button" onClick={() => setServiceWorkerState({ needRefresh: false, offlineReady: false })}>
        {t('update.later')}
      </button>
    </div>
  );
}
