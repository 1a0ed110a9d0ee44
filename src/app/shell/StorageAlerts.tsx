import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';
import { useSession } from '../session/context';

type Problem = 'quota' | 'unavailable' | 'unknown';

/**
 * Says plainly when this device could not save, or could not read a record another device wrote
 * (left out of the screens but kept in the document), instead of failing silently.
 */
export function StorageAlerts() {
  const { t } = useI18n();
  const { store } = useSession();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  useEffect(() => {
    if (!store) return;
    setUnreadable(0);
    const stops = [store.onStorageError((error) => setProblem(error.kind)), store.onUnreadableRecord(() => setUnreadable((n) => n + 1))];
    return () => stops.forEach((stop) => stop());
  }, [store]);
  useEffect(() => {
    if (typeof indexedDB === 'undefined') setProblem('unavailable');
  }, []);
  if (!problem && unreadable === 0) return null;
  const message = problem === 'quota' ? t('app.storageFull') : problem === 'unavailable' ? t('app.storageUnavailable') : t('app.storageError');
  return (
    <div class="alerts">
      {problem && <Notice kind="error">{message}</Notice>}
      {unreadable > 0 && <Notice kind="warning">{t('app.unreadable', { count: unreadable })}</Notice>}
    </div>
  );
}
