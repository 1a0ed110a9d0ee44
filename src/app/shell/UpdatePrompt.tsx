import { useRegisterSW } from 'virtual:pwa-register/preact';
import { useI18n } from '../i18n';

/**
 * Offers a new version instead of reloading by itself: an automatic reload could throw away a
 * sentence being typed. Edits are already stored, so updating is always safe when chosen.
 */
export function UpdatePrompt() {
  const { t } = useI18n();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh && !offlineReady) return null;
  return (
    <div class="toast" role="status">
      <p>{needRefresh ? t('update.ready') : t('update.offlineReady')}</p>
      {needRefresh && (
        <button type="button" class="button button--primary" onClick={() => void updateServiceWorker(true)}>
          {t('update.reload')}
        </button>
      )}
      <button
        type="button"
        class="button"
        onClick={() => {
          setNeedRefresh(false);
          setOfflineReady(false);
        }}
      >
        {t('update.later')}
      </button>
    </div>
  );
}
