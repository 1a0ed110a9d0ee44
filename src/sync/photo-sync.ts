import { blobsToUpload, keepFetchedBlob, markBlobUploaded, readBlob, type DeviceProfile } from '../local';
import { isRelayError } from '../protocol/relay-error';
import { getPhoto, putPhoto } from './relay-api';

let running: Promise<number> | null = null;

/**
 * Sends this student's photos the relay has not confirmed, one at a time, oldest first, through
 * the typed relay API (PUT .../blobs/:hash). Called once the text data has synced, so photos
 * never hold up the plan. A refusal leaves the photo marked as waiting; the next call tries again.
 * Resolves with how many were confirmed.
 */
export function uploadPendingPhotos(profile: DeviceProfile): Promise<number> {
  running ??= upload(profile).finally(() => (running = null));
  return running;
}

async function upload(profile: DeviceProfile): Promise<number> {
  const classId = profile.classIds[0];
  if (profile.role !== 'student' || !classId || !profile.studentId || !profile.relayUrl || !profile.token) return 0;
  let confirmed = 0;
  for (const row of await blobsToUpload(profile.id)) {
    const photo = row.bytes instanceof Blob ? row.bytes : new Blob([row.bytes], { type: row.type });
    try {
      await putPhoto(profile.relayUrl, profile.token, classId, profile.studentId, row.hash, photo);
      await markBlobUploaded(profile.id, row.hash);
      confirmed++;
    } catch (error) {
      // Offline again: stop, try later. Refused (full, too large...): kept waiting, try the next one.
      if (!isRelayError(error) || error.code === 'unreachable') return confirmed;
    }
  }
  return confirmed;
}

/**
 * A photo of a student's evidence: from this device if it is here, otherwise downloaded from the
 * relay (a teacher's device), checked against its hash and kept for offline use. Null if neither.
 */
export async function loadPhoto(profile: DeviceProfile, classId: string, studentId: string, hash: string): Promise<Blob | null> {
  const local = await readBlob(profile.id, hash);
  if (local) return local;
  if (!profile.relayUrl || !profile.token) return null;
  try {
    const { bytes, type } = await getPhoto(profile.relayUrl, profile.token, classId, studentId, hash);
    await keepFetchedBlob(profile.id, hash, bytes, type);
    return new Blob([bytes], { type });
  } catch {
    return null;
  }
}
