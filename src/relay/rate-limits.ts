import type { Db } from './db/open';
import type { AttemptLimit } from './config';
import { RelayError } from '../protocol/relay-error';

export interface AttemptKey {
  /** e.g. `password:account:ana@school.org`, `join:device:<deviceId>`, `join:relay`: never an IP address (a school shares one). */
  key: string;
  limit: AttemptLimit;
}

/** Expired rows are deleted at most this often (and on every write after it). */
const PURGE_EVERY_MS = 60_000;

/**
 * Attempts counted per key in fixed windows, kept in the database so a restart does not reset them.
 * Every key of a call is checked before any is written, so a refused call writes nothing: the
 * table grows only with attempts that were let through, which the relay-wide keys bound.
 */
export class Attempts {
  private readonly get;
  private readonly put;
  private readonly remove;
  private readonly purge;
  private lastPurge = 0;

  constructor(
    db: Db,
    /** The longest window of any limit: rows older than this can never matter again. */
    private readonly longestWindowSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.get = db.prepare<[string], { window_start: number; count: number }>(
      'SELECT window_start, count FROM attempts WHERE key = ?',
    );
    this.put = db.prepare('INSERT OR REPLACE INTO attempts (key, window_start, count) VALUES (?, ?, ?)');
    this.remove = db.prepare('DELETE FROM attempts WHERE key = ?');
    this.purge = db.prepare('DELETE FROM attempts WHERE window_start < ?');
  }

  /** Refuses (429, with Retry-After until the window ends) when any key has used up its window. */
  check(keys: readonly AttemptKey[]): void {
    const now = this.now();
    for (const { key, limit } of keys) {
      const row = this.get.get(key);
      const windowEnd = row ? row.window_start + limit.windowSeconds * 1000 : 0;
      if (row && now < windowEnd && row.count >= limit.max) {
        const retryAfter = Math.max(1, Math.ceil((windowEnd - now) / 1000));
        throw new RelayError(429, 'too-many-attempts', `Too many attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, {
          'Retry-After': String(retryAfter),
        });
      }
    }
  }

  /** Counts one failure on every key. */
  fail(keys: readonly AttemptKey[]): void {
    this.add(keys, 1);
  }

  /**
   * Checks, then counts the attempt before the work is done (no await in between, so a hundred
   * concurrent requests cannot all pass the check). `refund` gives it back if it succeeded.
   */
  take(keys: readonly AttemptKey[]): void {
    this.check(keys);
    this.add(keys, 1);
  }

  refund(keys: readonly AttemptKey[]): void {
    this.add(keys, -1);
  }

  reset(key: string): void {
    this.remove.run(key);
  }

  private add(keys: readonly AttemptKey[], delta: 1 | -1): void {
    const now = this.now();
    for (const { key, limit } of keys) {
      const row = this.get.get(key);
      const live = row && now < row.window_start + limit.windowSeconds * 1000;
      if (delta < 0) {
        if (live && row.count > 1) this.put.run(key, row.window_start, row.count - 1);
        else if (live) this.remove.run(key);
      } else if (live) {
        this.put.run(key, row.window_start, row.count + 1);
      } else {
        this.put.run(key, now, 1);
      }
    }
    if (now - this.lastPurge >= PURGE_EVERY_MS) {
      this.lastPurge = now;
      this.purge.run(now - this.longestWindowSeconds * 1000);
    }
  }
}
