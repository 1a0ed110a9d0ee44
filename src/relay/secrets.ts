import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

const KEY_FILE = 'secret.key';

/**
 * The token signing key: 32 random bytes made on first start and kept in the data directory,
 * readable only by the relay's user. Losing it signs every device out; it never leaves the relay.
 */
export function loadOrCreateSigningKey(dataDir: string): Uint8Array {
  const path = join(dataDir, KEY_FILE);
  try {
    // 'wx' fails when the file exists, so two relays starting at once cannot overwrite each other's key.
    writeFileSync(path, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (key.length < 32) throw new Error(`${path} is damaged (expected a 32-byte key); remove it to make a new one.`);
  return new Uint8Array(key);
}
