import { docName, type DocRef } from '../core';
import { addLocalEdits, registerDocs, type Registration } from './bookkeeping';
import type { PathbookDb } from './db';
import { EditTracker } from './edit-tracker';
import type { DamagedRow } from './stored-rows';

/**
 * What a DocStore writes into the registry (Dexie) for one profile: documents it opened
 * (batched: one transaction for a class's 80 documents), local edit counts (throttled, see
 * EditTracker), and damaged rows set aside from a document's store.
 */
export class RegistryWriter {
  private readonly edits: EditTracker;
  private readonly registrations = new Map<string, Registration>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: PathbookDb,
    private readonly profileId: string,
    private readonly onError: (error: unknown, docName: string | null) => void,
  ) {
    this.edits = new EditTracker(
      (edits) => addLocalEdits(db, profileId, edits),
      (error) => onError(error, null),
    );
  }

  opened(ref: DocRef, newerSchema: boolean): void {
    this.registrations.set(docName(ref), { ref, newerSchema });
    this.timer ??= setTimeout(() => void this.flushRegistrations(), 50);
  }

  edited(ref: DocRef, at: number): void {
    this.edits.record(docName(ref), ref, at);
  }

  /** Keeps damaged rows in the `damaged` table; resolves true once they are safe there. */
  async setAside(name: string, rows: readonly DamagedRow[]): Promise<boolean> {
    const isBytes = (v: unknown): v is Uint8Array | ArrayBuffer => v instanceof Uint8Array || v instanceof ArrayBuffer;
    try {
      const at = Date.now();
      await this.db.damaged.bulkAdd(
        rows.map((row) => ({
          profileId: this.profileId,
          docName: name,
          rowKey: row.key,
          bytes: isBytes(row.value) ? row.value : null,
          raw: isBytes(row.value) ? null : row.value,
          problem: row.problem,
          at,
        })),
      );
      return true;
    } catch (error) {
      this.onError(error, name);
      return false;
    }
  }

  async flush(): Promise<void> {
    await this.flushRegistrations();
    await this.edits.flush();
  }

  /** Stops the timers; what is pending is still written, unless the profile is being removed. */
  stop(discard: boolean): void {
    if (discard) this.registrations.clear();
    void this.flushRegistrations();
    this.edits.stop();
  }

  private flushRegistrations(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.registrations.values()];
    this.registrations.clear();
    if (batch.length === 0) return Promise.resolve();
    return registerDocs(this.db, this.profileId, batch).catch((error: unknown) => this.onError(error, null));
  }
}
