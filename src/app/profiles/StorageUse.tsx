import { useEffect, useState } from 'preact/hooks';
import { requestPersistence, storageUsage, type StorageUsage } from '../../local/storage-estimate';
import { useStudentI18n as useI18n } from '../student-home/i18n';

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** How much space Pathbook uses here, and a button (a user action, as browsers require) to ask the browser to keep it. */
export function StorageUse() {
  const { t } = useI18n();
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  const [asked, setAsked] = useState(false);
  const refresh = () => void storageUsage().then(setUsage);
  useEffect(refresh, []);
  return (
    <section class="card stack" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('storage.title')}</h2>
      {usage ? (
        <p>{t('storage.used', { used: megabytes(usage.usage), free: megabytes(Math.max(0, usage.quota - usage.usage)) })}</p>
      ) : (
        <p class="muted">{t('storage.unknown')}</p>
      )}
      {usage?.persisted ? (
        <p>{t('storage.kept')}</p>
      ) : (
        <>
          <p class="muted">{t('storage.mayClear')}</p>
          <button type="button" class="button" onClick={() => void requestPersistence().then(() => { setAsked(true); refresh(); })}>{t('storage.keep')}</button>
          {asked && !usage?.persisted && <p role="status" class="muted">{t('storage.refused')}</p>}
        </>
      )}
    </section>
  );
}
