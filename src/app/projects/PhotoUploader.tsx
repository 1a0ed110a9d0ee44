import { useEffect } from 'preact/hooks';
import { useSession } from '../session/context';
import { useSyncView } from '../session/sync-context';
import { uploadPendingPhotos } from '../../sync/photo-sync';

/** How often waiting photos are tried again while sync is settled (a relay that refused one may take it later). */
export const PHOTO_RETRY_MS = 60_000;

/**
 * Sends waiting photos once the text data is synced (never before, never blocking it), again each
 * time sync settles, and every minute while photos wait. Renders nothing.
 */
export function PhotoUploader() {
  const { profile } = useSession();
  const sync = useSyncView();
  const settled = sync.state === 'synced' && sync.pendingChanges === 0;
  useEffect(() => {
    if (!profile || !settled) return;
    void uploadPendingPhotos(profile);
    const timer = setInterval(() => void uploadPendingPhotos(profile), PHOTO_RETRY_MS);
    return () => clearInterval(timer);
  }, [profile?.id, settled, sync.lastSyncedAt]);
  return null;
}
