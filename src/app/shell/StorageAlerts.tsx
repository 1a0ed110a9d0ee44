import { useEffect, useState } from 'preact/hooks';
import { Notice } from '../components/Notice';
import { useI18n } from '../i18n';
import { useSession } from '../session/context';

type Problem = 'quota' | 'unavailable' | 'unknown';

/** Says plainly when this device could not save, instead of failing silently. */
export function StorageAlerts() {
  const { t } = useI18n();
  const { store } = useSession();
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    if (!store) return;
    return store.onStorageError((error) => setProblem(error.kind));
  }, [store]);
  useEffect(() => {
    if (typeof indexedDB === 'undefined') setProblem('unavailable');
  }, []);
  if (!problem) return null;
  const message = problem === 'quota' ? t('app.storageFull') : problem === 'unavailable' ? t('app.storageUnavailable') : t('app.storageError');
  return <div class="alerts"><Notice kind="error">{message}</Notice></div>;
}
