import * as Y from 'yjs';
import { CUSTOM_STORE, openDocDb, readRowsAndCustom, storageErrorKind, UPDATES_STORE } from './idb';
import { STORAGE_LOAD, onDocChange } from './origins';
import type { LoadReport, StorageErrorKind } from './types';

/** Rows found on open above which the store is rewritten as one (y-indexeddb#31: storage grew per open). */
export const COMPACT_ON_OPEN_ABOVE = 3;
/** Bytes of rows not written by our own compaction (decoded to be checked) above which the store is compacted on open. */
export const COMPACT_ON_OPEN_CHECKED_BYTES = 16_384;
/** Rows written in a session after which the store is compacted (y-indexeddb's PREFERRED_TRIM_SIZE). */
export const COMPACT_IN_SESSION_AT = 500;
/** A database that does not open within this time is reported unavailable; whenLoaded resolves anyway. */
export const LOAD_TIMEOUT_MS = 10_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export interface DamagedRow {
  key: number;
  value: unknown;
  problem: string;
}

export interface UpdateLogHooks {
  /** Keeps damaged rows somewhere safe; resolves true once they are, so they may leave the store. */
  setAside(rows: DamagedRow[]): Promise<boolean>;
  onError(kind: StorageErrorKind, error: unknown, unsavedUpdates: number): void;
}

export class UnsavedChangesError extends Error {
  override name = 'UnsavedChangesError';
  constructor(
    readonly docName: string,
    readonly unsavedUpdates: number,
  ) {
    super(`${unsavedUpdates} update(s) of ${docName} could not be written to this device; the document stays open`);
  }
}

/**
 * Key in the custom store of the row our last compaction wrote, with its size and checksum.
 * That row (the bulk of the bytes) is then applied without decoding it first: decoding to
 * rule out damage costs ~60% of applying, a checksum ~6%.
 */
const COMPACTED = 'pathbook:compacted';
interface CompactedRow {
  key: number;
  size: number;
  sum: number;
}

/** FNV-1a: not cryptographic, only to notice a row that is not the one we wrote. */
function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

function isOurRow(key: number, bytes: Uint8Array, mark: unknown): boolean {
  const m = mark as Partial<CompactedRow> | undefined;
  return m?.key === key && m.size === bytes.length && m.sum === checksum(bytes);
}

function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

const strict: IDBTransactionOptions = { durability: 'strict' };

/**
 * A document's append-only update log in its own IndexedDB database, in y-indexeddb's layout
 * (an auto-increment `updates` store of Yjs updates) but with its own read and write paths:
 * damaged rows are set aside instead of hanging the load, the store is compacted on open, and
 * failed writes are reported and retried, the updates staying in memory until they are on disk.
 */
export class UpdateLog {
  readonly whenLoaded: Promise<LoadReport>;
  private db: IDBDatabase | null = null;
  private queue: Uint8Array[] = [];
  private inFlight: Uint8Array[] = [];
  private writeScheduled = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  private compacting = false;
  /** Rows believed to be in the store (other tabs may add more). */
  private rows = 0;
  /** Every row with a key up to this one has been applied to the document (or set aside). */
  private appliedUpTo = 0;
  private closed = false;
  private attemptWaiters: (() => void)[] = [];
  /** Until the stored rows are applied, edits are only noted (see listen). */
  private stopWatchingBeforeLoad: (() => void) | null;
  private editedBeforeLoad = false;
  private listening = false;

  constructor(
    readonly dbName: string,
    readonly doc: Y.Doc,
    private readonly hooks: UpdateLogHooks,
  ) {
    this.stopWatchingBeforeLoad = onDocChange(doc, (origin) => {
      if (origin !== STORAGE_LOAD) this.editedBeforeLoad = true;
    });
    this.whenLoaded = this.loadWithTimeout();
  }

  unsaved(): number {
    return this.queue.length + this.inFlight.length + (this.editedBeforeLoad ? 1 : 0);
  }

  /**
   * Starts writing every update. Not done before the stored rows are applied, because an
   * 'update' listener makes Yjs encode the whole loaded state once more; edits made before that
   * (rare: a document being created) are written as one full-state row instead.
   */
  private listen(): void {
    if (this.listening || this.closed) return;
    this.listening = true;
    this.stopWatchingBeforeLoad?.();
    this.stopWatchingBeforeLoad = null;
    this.doc.on('update', this.onUpdate);
    if (this.editedBeforeLoad) {
      this.editedBeforeLoad = false;
      this.queue.push(Y.encodeStateAsUpdate(this.doc));
      this.scheduleWrite();
    }
  }

  private onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === STORAGE_LOAD || this.closed) return;
    this.queue.push(update);
    this.scheduleWrite();
  };

  private loadWithTimeout(): Promise<LoadReport> {
    const started = Date.now();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.listen();
        const error = new DOMException(`${this.dbName} did not open within ${LOAD_TIMEOUT_MS} ms`, 'InvalidStateError');
        this.hooks.onError('unavailable', error, this.unsaved());
        resolve({ damagedUpdates: 0, storedUpdates: 0, ms: Date.now() - started, failed: 'unavailable' });
      }, LOAD_TIMEOUT_MS);
      // A late open still loads: the stored updates merge into whatever was edited meanwhile.
      void this.load(started).then((report) => {
        clearTimeout(timer);
        resolve(report);
      });
    });
  }

  private async load(started: number): Promise<LoadReport> {
    const report: LoadReport = { damagedUpdates: 0, storedUpdates: 0, ms: 0, failed: null };
    try {
      const db = await openDocDb(this.dbName);
      if (this.closed) {
        db.close();
        return { ...report, ms: Date.now() - started };
      }
      this.db = db;
      // Another tab deleting this database (profile removal) must not be blocked by us.
      db.onversionchange = () => this.disconnect();
      this.scheduleWrite();
      const { keys, values, custom } = await readRowsAndCustom(db, 0, COMPACTED);
      if (this.closed) return { ...report, ms: Date.now() - started };
      const { damaged, checkedBytes } = this.applyRows(keys, values, custom);
      this.listen();
      report.storedUpdates = keys.length;
      report.damagedUpdates = damaged.length;
      this.rows = keys.length;
      const setAside = damaged.length === 0 || (await this.hooks.setAside(damaged));
      // Damaged rows that could not be kept elsewhere stay where they are: nothing is destroyed silently.
      if (setAside) {
        this.appliedUpTo = keys.at(-1) ?? 0;
        // Also when much had to be decoded to be checked: once compacted, it loads without that cost.
        const compactNow = damaged.length > 0 || keys.length > COMPACT_ON_OPEN_ABOVE || checkedBytes > COMPACT_ON_OPEN_CHECKED_BYTES;
        if (compactNow) await this.compact();
      }
    } catch (error) {
      this.listen();
      report.failed = storageErrorKind(error);
      this.hooks.onError(report.failed, error, this.unsaved());
    }
    report.ms = Date.now() - started;
    return report;
  }

  /** Applies decodable rows to the document; returns the others. A row is decoded before it is applied, so a damaged one never half-applies. */
  private applyRows(keys: readonly number[], values: readonly unknown[], compactedMark?: unknown): { damaged: DamagedRow[]; checkedBytes: number } {
    const damaged: DamagedRow[] = [];
    const good: { key: number; bytes: Uint8Array }[] = [];
    let checkedBytes = 0;
    keys.forEach((key, i) => {
      const value = values[i];
      const bytes = asBytes(value);
      if (!bytes) return damaged.push({ key, value, problem: `not an update (${typeof value})` });
      if (isOurRow(key, bytes, compactedMark)) return good.push({ key, bytes });
      checkedBytes += bytes.length;
      try {
        Y.decodeUpdate(bytes);
        good.push({ key, bytes });
      } catch (error) {
        damaged.push({ key, value, problem: `undecodable update: ${String(error)}` });
      }
    });
    Y.transact(
      this.doc,
      () => {
        for (const { key, bytes } of good) {
          try {
            Y.applyUpdate(this.doc, bytes, STORAGE_LOAD);
          } catch (error) {
            damaged.push({ key, value: bytes, problem: `update failed to apply: ${String(error)}` });
          }
        }
      },
      STORAGE_LOAD,
    );
    return { damaged, checkedBytes };
  }

  /**
   * Replaces every row with one holding the document's whole state, in one transaction. Rows
   * another tab wrote since our last read are applied first, so no row is deleted unread.
   */
  private compact(): Promise<void> {
    const db = this.db;
    if (!db || this.compacting) return Promise.resolve();
    this.compacting = true;
    return new Promise<void>((resolve) => {
      let newKey = 0;
      let tx: IDBTransaction;
      try {
        tx = db.transaction([UPDATES_STORE, CUSTOM_STORE], 'readwrite', strict);
      } catch (error) {
        this.compacting = false;
        this.hooks.onError(storageErrorKind(error), error, this.unsaved());
        return resolve();
      }
      const store = tx.objectStore(UPDATES_STORE);
      const range = IDBKeyRange.lowerBound(this.appliedUpTo, true);
      const keys = store.getAllKeys(range);
      const values = store.getAll(range);
      values.onsuccess = () => {
        const fresh = keys.result as number[];
        // A damaged row among them is left for the next open, which sets it aside properly.
        if (this.applyRows(fresh, values.result).damaged.length > 0) return tx.abort();
        const lastKey = fresh.at(-1) ?? this.appliedUpTo;
        const state = Y.encodeStateAsUpdate(this.doc);
        const added = store.add(state);
        added.onsuccess = () => {
          newKey = added.result as number;
          const mark: CompactedRow = { key: newKey, size: state.length, sum: checksum(state) };
          tx.objectStore(CUSTOM_STORE).put(mark, COMPACTED);
        };
        if (lastKey > 0) store.delete(IDBKeyRange.upperBound(lastKey));
      };
      tx.oncomplete = () => {
        this.compacting = false;
        this.appliedUpTo = newKey;
        this.rows = 1;
        resolve();
      };
      tx.onabort = () => {
        this.compacting = false;
        if (tx.error) this.hooks.onError(storageErrorKind(tx.error), tx.error, this.unsaved());
        resolve();
      };
    });
  }

  private scheduleWrite(): void {
    if (this.writeScheduled || !this.db || this.inFlight.length > 0 || this.retryTimer || this.queue.length === 0) return;
    this.writeScheduled = true;
    // Updates of one task go out together in one transaction.
    queueMicrotask(() => {
      this.writeScheduled = false;
      this.write();
    });
  }

  private write(): void {
    const db = this.db;
    if (!db || this.inFlight.length > 0 || this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.inFlight = batch;
    let tx: IDBTransaction | null = null;
    try {
      tx = db.transaction(UPDATES_STORE, 'readwrite', strict);
      const store = tx.objectStore(UPDATES_STORE);
      for (const update of batch) store.add(update);
    } catch (error) {
      if (tx) {
        tx.onabort = null;
        try {
          tx.abort();
        } catch {
          // Already finished: nothing was committed by a transaction that threw while being filled.
        }
      }
      return this.writeFailed(batch, error);
    }
    const done = tx;
    done.oncomplete = () => {
      this.inFlight = [];
      this.rows += batch.length;
      this.retries = 0;
      this.settleAttempt();
      if (this.rows >= COMPACT_IN_SESSION_AT) this.scheduleCompaction();
      this.scheduleWrite();
    };
    done.onabort = () => this.writeFailed(batch, done.error ?? new DOMException('write aborted', 'AbortError'));
  }

  private writeFailed(batch: Uint8Array[], error: unknown): void {
    this.inFlight = [];
    this.queue = batch.concat(this.queue);
    this.hooks.onError(storageErrorKind(error), error, this.unsaved());
    this.settleAttempt();
    if (this.closed || !this.db) return;
    const delay = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.scheduleWrite();
    }, delay);
  }

  private settleAttempt(): void {
    const waiters = this.attemptWaiters;
    this.attemptWaiters = [];
    for (const w of waiters) w();
  }

  private scheduleCompaction(): void {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      void this.compact();
    }, 1_000);
  }

  /** Tries to write what is waiting now (skipping any retry delay); resolves true when nothing is left in memory only. */
  async flush(): Promise<boolean> {
    await this.whenLoaded;
    for (let attempt = 0; attempt < 2 && this.unsaved() > 0 && this.db; attempt++) {
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = null;
      const settled = new Promise<void>((resolve) => this.attemptWaiters.push(resolve));
      if (this.inFlight.length === 0) this.write();
      await settled;
    }
    return this.unsaved() === 0;
  }

  /**
   * Writes what is waiting and closes the database. Refuses (UnsavedChangesError, log left open)
   * when updates could not be written, unless `discard` is set (the profile is being removed).
   */
  async close(discard = false): Promise<void> {
    if (this.closed) return;
    if (!discard && !(await this.flush())) throw new UnsavedChangesError(this.dbName, this.unsaved());
    this.closed = true;
    this.stopWatchingBeforeLoad?.();
    this.doc.off('update', this.onUpdate);
    for (const timer of [this.retryTimer, this.compactTimer]) if (timer) clearTimeout(timer);
    this.disconnect();
  }

  /** Drops the connection (closing, or another tab deleting the database); updates keep queueing in memory. */
  private disconnect(): void {
    const db = this.db;
    this.db = null;
    db?.close();
    if (!this.closed && this.unsaved() > 0) {
      this.hooks.onError('unavailable', new DOMException('database closed by another tab', 'InvalidStateError'), this.unsaved());
    }
  }
}
