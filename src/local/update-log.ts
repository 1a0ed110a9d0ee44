import * as Y from 'yjs';
import { CUSTOM_STORE, openDocDb, readRowsAndCustom, storageErrorKind, UPDATES_STORE } from './idb';
import { onDocChange, STORAGE_LOAD } from './origins';
import { applyStoredRows, COMPACTED, compactedMark, type DamagedRow } from './stored-rows';
import type { LoadReport, StorageErrorKind } from './types';
import { STRICT, WriteQueue } from './write-queue';

/** Rows found on open above which the store is rewritten as one (y-indexeddb#31: storage grew per open). */
export const COMPACT_ON_OPEN_ABOVE = 3;
/** Bytes that had to be decoded to be checked on open above which the store is rewritten (then marked, so later opens skip that cost). */
export const COMPACT_ON_OPEN_CHECKED_BYTES = 16_384;
/** Rows written in a session after which the store is compacted (y-indexeddb's PREFERRED_TRIM_SIZE). */
export const COMPACT_IN_SESSION_AT = 500;
/** A database that does not open within this time is reported unavailable; whenLoaded resolves anyway. */
export const LOAD_TIMEOUT_MS = 10_000;

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
 * A document's append-only update log in its own IndexedDB database, in y-indexeddb's layout
 * (an auto-increment `updates` store of Yjs updates, and a `custom` store) but with its own
 * read and write paths: damaged rows are set aside instead of hanging the load, the store is
 * compacted on open, and failed writes are reported and retried.
 */
export class UpdateLog {
  readonly whenLoaded: Promise<LoadReport>;
  private db: IDBDatabase | null = null;
  private readonly writes: WriteQueue;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  private compacting = false;
  /** Rows believed to be in the store (other tabs may add more). */
  private rows = 0;
  /** Every row with a key up to this one has been applied to the document (or set aside). */
  private appliedUpTo = 0;
  private closed = false;
  private stopWatchingBeforeLoad: (() => void) | null;
  private editedBeforeLoad = false;
  private listening = false;

  constructor(
    readonly dbName: string,
    readonly doc: Y.Doc,
    private readonly hooks: UpdateLogHooks,
  ) {
    this.writes = new WriteQueue(() => this.db, {
      written: (rows) => {
        this.rows += rows;
        if (this.rows >= COMPACT_IN_SESSION_AT) this.scheduleCompaction();
      },
      failed: (error) => this.hooks.onError(storageErrorKind(error), error, this.unsaved()),
    });
    this.stopWatchingBeforeLoad = onDocChange(doc, (origin) => {
      if (origin !== STORAGE_LOAD) this.editedBeforeLoad = true;
    });
    this.whenLoaded = this.loadWithTimeout();
  }

  unsaved(): number {
    return this.writes.size + (this.editedBeforeLoad ? 1 : 0);
  }

  /**
   * Starts writing every update. Not before the stored rows are applied: an 'update' listener
   * makes Yjs encode the whole loaded state once more (~40% of the load). Edits made before
   * that (rare: a document being created) are written as one full-state row instead.
   */
  private listen(): void {
    if (this.listening || this.closed) return;
    this.listening = true;
    this.stopWatchingBeforeLoad?.();
    this.stopWatchingBeforeLoad = null;
    this.doc.on('update', this.onUpdate);
    if (this.editedBeforeLoad) {
      this.editedBeforeLoad = false;
      this.writes.push(Y.encodeStateAsUpdate(this.doc));
    }
  }

  private onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== STORAGE_LOAD && !this.closed) this.writes.push(update);
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
      this.writes.kick();
      const { keys, values, custom } = await readRowsAndCustom(db, 0, COMPACTED);
      if (this.closed) return { ...report, ms: Date.now() - started };
      const { damaged, checkedBytes } = applyStoredRows(this.doc, keys, values, custom);
      this.listen();
      report.storedUpdates = keys.length;
      report.damagedUpdates = damaged.length;
      this.rows = keys.length;
      // Damaged rows that could not be kept elsewhere stay where they are: nothing is destroyed silently.
      const setAside = damaged.length === 0 || (await this.hooks.setAside(damaged));
      if (setAside) {
        this.appliedUpTo = keys.at(-1) ?? 0;
        if (damaged.length > 0 || keys.length > COMPACT_ON_OPEN_ABOVE || checkedBytes > COMPACT_ON_OPEN_CHECKED_BYTES) {
          await this.compact();
        }
      }
    } catch (error) {
      this.listen();
      report.failed = storageErrorKind(error);
      this.hooks.onError(report.failed, error, this.unsaved());
    }
    report.ms = Date.now() - started;
    return report;
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
      const finish = (error: unknown) => {
        this.compacting = false;
        if (error) this.hooks.onError(storageErrorKind(error), error, this.unsaved());
        resolve();
      };
      let tx: IDBTransaction;
      try {
        tx = db.transaction([UPDATES_STORE, CUSTOM_STORE], 'readwrite', STRICT);
      } catch (error) {
        return finish(error);
      }
      let newKey = 0;
      const store = tx.objectStore(UPDATES_STORE);
      const range = IDBKeyRange.lowerBound(this.appliedUpTo, true);
      const keys = store.getAllKeys(range);
      const values = store.getAll(range);
      values.onsuccess = () => {
        const fresh = keys.result as number[];
        // A damaged row among them is left for the next open, which sets it aside properly.
        if (applyStoredRows(this.doc, fresh, values.result).damaged.length > 0) return tx.abort();
        const lastKey = fresh.at(-1) ?? this.appliedUpTo;
        const state = Y.encodeStateAsUpdate(this.doc);
        const added = store.add(state);
        added.onsuccess = () => {
          newKey = added.result as number;
          tx.objectStore(CUSTOM_STORE).put(compactedMark(newKey, state), COMPACTED);
        };
        if (lastKey > 0) store.delete(IDBKeyRange.upperBound(lastKey));
      };
      tx.oncomplete = () => {
        this.appliedUpTo = newKey;
        this.rows = 1;
        finish(null);
      };
      tx.onabort = () => finish(tx.error);
    });
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
    return this.writes.flush();
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
    this.writes.stop();
    if (this.compactTimer) clearTimeout(this.compactTimer);
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
