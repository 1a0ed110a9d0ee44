import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PhotoQuota, type PhotoLimits } from './photo-quota';

/** Photos arrive shrunk on the device (at most 300 KB); this leaves room without letting a file grow the disk. */
export const MAX_PHOTO_BYTES = 400 * 1024;
export const PHOTO_HASH = /^[0-9a-f]{64}$/;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The type from the bytes themselves (never from what the sender claims), or null for anything else. */
export function photoType(bytes: Uint8Array): PhotoType | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length > 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Photos in the data directory, one file per photo under `blobs/<classId>/<studentId>/<hash>`:
 * the path itself says whose it is, so access is checked without a lookup. Content-addressed, so
 * a second upload of the same photo changes nothing. Written to a temporary name and renamed, so
 * a crash never leaves half a photo under its real name.
 */
export class PhotoStore {
  private readonly quota: PhotoQuota;

  constructor(
    private readonly dataDir: string,
    limits: PhotoLimits,
  ) {
    this.quota = new PhotoQuota(join(dataDir, 'blobs'), limits);
  }

  private dir(classId: string, studentId: string): string {
    return join(this.dataDir, 'blobs', classId, studentId);
  }

  /**
   * Stores the bytes; false when the photo was already there. The caller has checked ids, the hash
   * and the photo itself. Throws 507 when the student or the class has reached its photo limits.
   * Folders are made owner-only (photos of children).
   */
  async put(classId: string, studentId: string, hash: string, bytes: Uint8Array): Promise<boolean> {
    const dir = this.dir(classId, studentId);
    const path = join(dir, hash);
    if (await exists(path)) return false;
    const reservation = await this.quota.reserve(classId, studentId, bytes.length);
    const temporary = join(dir, `.${hash}.${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, path);
      return true;
    } catch (error) {
      reservation.release();
      // A full disk leaves half a file: remove it, the device keeps the photo and uploads it again.
      await rm(temporary, { force: true }).catch(() => {});
      throw error;
    }
  }

  async get(classId: string, studentId: string, hash: string): Promise<Uint8Array | null> {
    try {
      return await readFile(join(this.dir(classId, studentId), hash));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
