import type { Db } from './db/open';
import type { AttemptLimit } from './config';
import { RelayError } from '../protocol/relay-error';

export interface AttemptKey {
  /** e.g. `password:account:ana@school.org`, `join:device:<deviceId>`: never an IP address (a school shares one). */
  key: string;
  limit: AttemptLimit;
}

/** Failed attempts counted per key in fixed windows, kept in the database so a restart does not reset them. */
export class Attempts {
  private readonly get;
  private readonly put;
  private readonly remove;
  private readonly purge;

  constructor(db: Db, private readonly now: () => number = Date.now) {
    this.get = db.prepare<[string], { window_start: number; count: number }>(
      'SELECT window_start, count FROM attempts WHERE key = ?',
    );
    this.put = db.prepare('INSERT OR REPLACE INTO attempts (key, window_start, count) VALUES (?, ?, ?)');
    this.remove = db.prepare('DELETE FROM attempts WHERE key = ?');
    this.purge = db.prepare('DELETE FROM attempts WHERE window_start < ?');
  }

  /** Refuses (429) when any key has used up its window. */
  check(keys: readonly AttemptKey[]): void {
    const now = this.now();
    for (const { key, limit } of keys) {
      const row = this.get.get(key);
      const windowEnd = row ? row.window_start + limit.windowSeconds * 1000 : 0;
      if (row && now < windowEnd && row.count >= limit.max) {
        const retryAfter = Math.ceil((windowEnd - now) / 1000);
        throw new RelayError(429, 'too-many-attempts', `Too many attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, {
          'Retry-After': String(retryAfter),
        });
      }
    }
  }

  fail(keys: readonly AttemptKey[]): void {
    const now = this.now();
    for (const { key, limit } of keys) {
      const row = this.get.get(key);
      if (!row || now >= row.window_start + limit.windowSeconds * 1000) this.put.run(key, now, 1);
      else this.put.run(key, row.window_start, row.count + 1);
    }
    // Old windows only matter while they last; a day is longer than any window.
    if (Math.random() < 0.01) this.purge.run(now - 24 * 3600 * 1000);
  }

  reset(key: string): void {
    this.remove.run(key);
  }
}
