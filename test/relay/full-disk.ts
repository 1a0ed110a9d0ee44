import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../src/relay/db/open';
import { onCleanup } from './wait';

/**
 * A disk that a test can fill and free again, under a relay's data directory.
 * - `injected`: every write statement on the relay's connection throws SQLITE_FULL, as SQLite does
 *   when the disk is full (portable; needs nothing from the machine).
 * - `tmpfs`: the data directory is a small tmpfs filled with a file until ENOSPC (the real thing;
 *   needs root and permission to mount, so it is skipped where that is missing).
 */
export interface TestDisk {
  kind: 'injected' | 'tmpfs';
  /** Where the relay's data directory goes. */
  dataDir: string;
  fill(db: Db): void;
  free(): void;
}

export function injectedDisk(dataDir: string): TestDisk {
  const statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as { run: (...args: unknown[]) => unknown };
  const realRun = statement.run;
  let full: Db | null = null;
  statement.run = function (this: { database: Db; reader: boolean }, ...args: unknown[]) {
    if (full !== null && this.database === full && !this.reader) {
      throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    }
    return realRun.apply(this, args);
  };
  onCleanup(() => {
    statement.run = realRun;
  });
  return {
    kind: 'injected',
    dataDir,
    fill: (db) => {
      full = db;
    },
    free: () => {
      full = null;
    },
  };
}

/** True when this process may mount a tmpfs (root in a container that allows it). */
export function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'pathbook-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

export function tmpfsDisk(sizeMb = 16): TestDisk {
  const mountPoint = mkdtempSync(join(tmpdir(), 'pathbook-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', mountPoint]);
  const filler = join(mountPoint, 'filler');
  // Registered before the relay's own cleanup, so it runs after the relay has closed (newest first).
  onCleanup(() => {
    execFileSync('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });
  return {
    kind: 'tmpfs',
    dataDir: join(mountPoint, 'data'),
    fill: (db) => {
      // An empty WAL first: otherwise SQLite may reuse frames it already has and need no new space.
      db.pragma('wal_checkpoint(TRUNCATE)');
      const fd = openSync(filler, 'w');
      try {
        for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 9]) {
          const chunk = Buffer.alloc(size);
          try {
            for (;;) writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => unlinkSync(filler),
  };
}
