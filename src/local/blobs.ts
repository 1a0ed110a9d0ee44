import { localDb } from './db';
import type { BlobRow } from './types';

/** Photos are shrunk before they are kept; anything bigger is refused rather than filling the device. */
export const MAX_BLOB_BYTES = 400 * 1024;
const HASH = /^[0-9a-f]{64}$/;

export class BlobRefusedError extends Error {
  override name = 'BlobRefusedError';
}

/** sha-256 of the bytes as lowercase hex (the name a photo has everywhere: document, device, relay). */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function bytesOf(data: Blob | ArrayBuffer | Uint8Array): Promise<ArrayBuffer> {
  if (data instanceof ArrayBuffer) return data;
  if (data instanceof Uint8Array) return data.slice().buffer;
  return data.arrayBuffer();
}

/**
 * Keeps a photo for this profile, named by its content hash, and returns the hash to reference it
 * from the document. Stored as an ArrayBuffer (every IndexedDB, fakes included, keeps those).
 * Keeping the same photo twice is harmless: the row is the same.
 */
export async function keepBlob(profileId: string, data: Blob | ArrayBuffer | Uint8Array, type: string, now = Date.now()): Promise<string> {
  const bytes = await bytesOf(data);
  if (bytes.byteLength === 0) throw new BlobRefusedError('The photo is empty.');
  if (bytes.byteLength > MAX_BLOB_BYTES) throw new BlobRefusedError(`The photo is larger than ${MAX_BLOB_BYTES} bytes.`);
  const hash = await sha256Hex(bytes);
  const db = localDb();
  await db.transaction('rw', db.blobs, async () => {
    const existing = await db.blobs.get([profileId, hash]);
    if (existing) return;
    const row: BlobRow = { profileId, hash, type, bytes, size: bytes.byteLength, createdAt: now, uploadedAt: null };
    await db.blobs.add(row);
  });
  return hash;
}

/**
 * Keeps a photo that came from the relay (a teacher's device fetching a student's photo). The hash
 * is checked, so a wrong or damaged download is never stored under a photo's name.
 */
export async function keepFetchedBlob(profileId: string, hash: string, bytes: ArrayBuffer, type: string, now = Date.now()): Promise<void> {
  if ((await sha256Hex(bytes)) !== hash) throw new BlobRefusedError('The downloaded photo does not match its name.');
  await localDb().blobs.put({ profileId, hash, type, bytes, size: bytes.byteLength, createdAt: now, uploadedAt: now });
}

export async function readBlob(profileId: string, hash: string): Promise<Blob | null> {
  if (!HASH.test(hash)) return null;
  const row = await localDb().blobs.get([profileId, hash]);
  if (!row) return null;
  return row.bytes instanceof Blob ? row.bytes : new Blob([row.bytes], { type: row.type });
}

/** Photos of this profile the relay has not confirmed, oldest first. */
export async function blobsToUpload(profileId: string): Promise<BlobRow[]> {
  const rows = await localDb().blobs.where('profileId').equals(profileId).filter((b) => b.uploadedAt === null).toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

export async function markBlobUploaded(profileId: string, hash: string, at = Date.now()): Promise<void> {
  await localDb().blobs.update([profileId, hash], { uploadedAt: at });
}

/**
 * Forgets a photo this profile kept but never used (chosen, then cancelled). The caller checks
 * that no evidence refers to it; one the relay already has is kept (another device may use it).
 */
export async function forgetUnusedBlob(profileId: string, hash: string): Promise<void> {
  const db = localDb();
  await db.transaction('rw', db.blobs, async () => {
    const row = await db.blobs.get([profileId, hash]);
    if (row && row.uploadedAt === null) await db.blobs.delete([profileId, hash]);
  });
}
