import { db } from '../../local/db';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useI18n } from '../i18n';
import { useSession } from '../session/context';

/** Answers "is my work saved, and has it synced?" in plain words, always in view. */
export function SaveStatus() {
  const { t } = useI18n();
  const { profile } = useSession();
  const pending = useLiveQuery(
    async () => {
      if (!profile) return 0;
      const rows = await db.docs.where('profileId').equals(profile.id).toArray();
      return rows.reduce((sum, row) => sum + row.pendingChanges, 0);
    },
    [profile?.id],
    0,
  );
  if (!profile) return null;
  return (
    <p class="save-status" role="status" aria-live="polite">
      <span class="save-status__saved">
        <span aria-hidden="true">✓ </span>
        {t('status.savedHere')}
      </span>
      {profile.relayUrl ? (
        pending > 0 && <span class="save-status__pending">{t('status.pending', { count: pending })}</span>
      ) : (
        <span class="save-status__sync">{t('status.notSynced')}</span>
      )}
    </p>
  );
}
