import { chmodSync, closeSync, openSync, statSync } from 'node:fs';

/**
 * The relay's data (accounts, children's plans and photos) is for the relay's user alone, whatever
 * the mode of the directory it sits in or the process umask: files 0600, folders 0700.
 */
export function restrictToOwner(path: string, mode: 0o600 | 0o700): void {
  try {
    if ((statSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Creates `path` empty and owner-only if it does not exist (SQLite then keeps its mode), else restricts it. */
export function ownerOnlyFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  restrictToOwner(path, 0o600);
}
