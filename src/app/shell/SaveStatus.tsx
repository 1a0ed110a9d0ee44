import { useEffect, useState } from 'preact/hooks';
import { listDocEntries } from '../../local';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useI18n, type Translate } from '../i18n';
import { href } from '../router';
import { useSession } from '../session/context';
import { useSyncView, type SyncView } from '../session/sync-context';

/** Answers "is my work saved, and has it synced?" in plain words, always in view. */
export function SaveStatus() {
  const { t } = useI18n();
  const { profile } = useSession();
  const sync = useSyncView();
  const now = useNow(30_000);
  const pending = useLiveQuery(
    async () => {
      if (!profile) return 0;
      const rows = await listDocEntries(profile.id);
      return rows.reduce((sum, row) => sum + row.pendingChanges, 0);
    },
    [profile?.id],
    0,
  );
  if (!profile) return null;
  return (
    <div class="save-status" role="status" aria-live="polite" data-sync-state={sync.state}>
      <span class="save-status__saved">
        <span aria-hidden="true">✓ </span>
        {t('status.savedHere')}
      </span>
      <span class="save-status__sync">{syncWords(sync, t, now)}</span>
      {pending > 0 && sync.state !== 'synced' && sync.state !== 'not-connected' && <span class="save-status__pending">{t('status.pending', { count: pending })}</span>}
      {sync.state === 'synced' && sync.lastStoredAt !== null && (
        <span class="save-status__stored">
          {sync.unstoredDocs === 0 ? t('sync.stored') : t('sync.notStored', { count: sync.unstoredDocs })}
        </span>
      )}
      {sync.relayCannotStore && sync.state !== 'not-connected' && sync.state !== 'offline' && (
        <span class="save-status__relay-trouble">{t('sync.relayCannotStore')}</span>
      )}
      {sync.state === 'not-connected' && profile.role === 'teacher' && (
        <a class="save-status__link" href={href({ name: 'connect' })}>{t('sync.connectLink')}</a>
      )}
    </div>
  );
}

function syncWords(sync: SyncView, t: Translate, now: number): string {
  switch (sync.state) {
    case 'synced':
      return sync.lastSyncedAt === null ? t('sync.state.synced') : t('sync.state.synced-ago', { ago: ago(now - sync.lastSyncedAt, t) });
    case 'refused':
      if (sync.refusal?.code.startsWith('schema')) return t('sync.updatePathbook');
      if (sync.refusal?.code === 'device-revoked') return t('sync.deviceRevoked');
      if (sync.refusal?.code.startsWith('token')) return t('sync.signInAgain');
      return t('sync.state.refused');
    default:
      return t(`sync.state.${sync.state}`);
  }
}

function ago(ms: number, t: Translate): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('sync.justNow');
  if (minutes < 60) return t('sync.minutesAgo', { count: minutes });
  return t('sync.hoursAgo', { count: Math.floor(minutes / 60) });
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
