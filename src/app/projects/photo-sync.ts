import { blobsToUpload, keepFetchedBlob, markBlobUploaded, readBlob } from '../../local/blobs';
import type { DeviceProfile } from '../../local/types';

function photoUrl(profile: DeviceProfile, classId: string, studentId: string, hash: string): string | null {
  if (!profile.relayUrl || !profile.token) return null;
  return `${profile.relayUrl.replace(/\/$/, '')}/api/classes/${classId}/students/${studentId}/blobs/${hash}`;
}

let running: Promise<number> | null = null;

/**
 * Sends this student's photos the relay has not confirmed, one at a time, oldest first. Called once
 * the text data has synced, so photos never hold up the plan. A failure leaves the photo marked as
 * waiting; the next call tries again. Resolves with how many were confirmed.
 */
export function uploadPendingPhotos(profile: DeviceProfile): Promise<number> {
  running ??= upload(profile).finally(() => (running = null));
  return running;
}

async function upload(profile: DeviceProfile): Promise<number> {
  const classId = profile.classIds[0];
  if (profile.role !== 'student' || !classId || !profile.studentId) return 0;
  let confirmed = 0;
  for (const row of await blobsToUpload(profile.id)) {
    const url = photoUrl(profile, classId, profile.studentId, row.hash);
    if (!url) return confirmed;
    const body = row.bytes instanceof Blob ? row.bytes : new Blob([row.bytes], { type: row.type });
    try {
      const res = await fetch(url, { method: 'PUT', headers: { authorization: `Bearer ${profile.token}`, 'content-type': row.type }, body });
      if (!res.ok) continue;
      await markBlobUploaded(profile.id, row.hash);
      confirmed++;
    } catch {
      return confirmed; // Offline again: stop, try later.
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
  const url = photoUrl(profile, classId, studentId, hash);
  if (!url) return null;
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${profile.token}` } });
    if (!res.ok) return null;
    const bytes = await res.arrayBuffer();
    const type = res.headers.get('content-type') ?? 'image/jpeg';
    await keepFetchedBlob(profile.id, hash, bytes, type);
    return new Blob([bytes], { type });
  } catch {
    return null;
  }
}
