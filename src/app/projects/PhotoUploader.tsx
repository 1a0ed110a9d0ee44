import { useEffect } from 'preact/hooks';
import { useSession } from '../session/context';
import { useSyncView } from '../session/sync-context';
import { uploadPendingPhotos } from './photo-sync';

/**
 * Sends waiting photos once the text data is synced (never before, never blocking it), and again
 * each time sync settles. Renders nothing.
 */
export function PhotoUploader() {
  const { profile } = useSession();
  const sync = useSyncView();
  const settled = sync.state === 'synced' && sync.pendingChanges === 0;
  useEffect(() => {
    if (profile && settled) void uploadPendingPhotos(profile);
  }, [profile?.id, settled, sync.lastSyncedAt]);
  return null;
}
