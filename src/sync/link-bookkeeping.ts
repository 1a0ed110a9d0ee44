import * as Y from 'yjs';
import { markStored, markSynced, readDocEntry, type DocStore, type LocalDoc } from '../local';
import { storedCovers, type StoredMessage } from '../protocol/stored-message';

/** How often a fully acknowledged document with nothing pending refreshes `lastSyncedAt` (keep-alive round trips would otherwise write every few seconds). */
const SYNCED_REFRESH_MS = 60_000;

/**
 * Writes one document's sync bookkeeping into the registry (src/local) from what the relay says:
 * acknowledgements (`markSynced`) and "stored" messages (`markStored`). Every change to the
 * document that did not come from the relay bumps a counter; a mark is written only if nothing
 * changed since the moment it describes, so an edit made meanwhile is never marked as safe.
 */
export class LinkBookkeeping {
  private changes = 0;
  /** `changes` when the relay last acknowledged / stored everything: later ones are known to be waiting before the registry counts them. */
  private changesAcked = 0;
  private changesStored = 0;
  /** When the relay last acknowledged / confirmed storing everything, in this session (null: not yet). */
  syncedAt: number | null = null;
  storedAt: number | null = null;
  private ackedAt: { changes: number; at: number } | null = null;
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly running = new Set<Promise<unknown>>();
  private readonly stopListening: () => void;
  private stopped = false;

  constructor(
    private readonly store: DocStore,
    private readonly profileId: string,
    private readonly local: LocalDoc,
    /** The provider: its updates are the relay's, not changes of ours. */
    private readonly remoteOrigin: unknown,
    private readonly onChange: () => void,
  ) {
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === this.remoteOrigin) return;
      this.changes++;
      this.onChange();
    };
    local.doc.on('update', onUpdate);
    this.stopListening = () => local.doc.off('update', onUpdate);
  }

  /** Changed in this session since the relay last acknowledged everything (the registry may not count it yet). */
  unacknowledgedChanges(): boolean {
    return this.changes !== this.changesAcked;
  }

  /** Changed in this session since a stored message last covered the document. */
  unstoredChanges(): boolean {
    return this.changes !== this.changesStored;
  }

  /** A stored message covered the document in this session, and nothing changed since. */
  storedNow(): boolean {
    return this.storedAt !== null && !this.unstoredChanges();
  }

  /** The relay acknowledged everything sent so far: clears the edits counted until now (after a short pause, so typing costs one write). */
  acknowledged(): void {
    this.changesAcked = this.changes;
    this.syncedAt = Date.now();
    this.ackedAt = { changes: this.changes, at: this.syncedAt };
    this.ackTimer ??= setTimeout(() => {
      this.ackTimer = null;
      this.track(this.writeSynced());
    }, 150);
  }

  /** A "stored" message: marks the document stored if it covers everything this replica holds. */
  stored(message: StoredMessage): void {
    if (!storedCovers(message, this.local.doc)) return;
    this.track(this.writeStored(this.changes, Date.now()));
  }

  /** After the first sync: a document with no content at all has nothing the relay must store. */
  firstSynced(): void {
    if (Y.encodeStateVector(this.local.doc).length > 1) return;
    this.track(this.writeStored(this.changes, Date.now()));
  }

  /** Stops counting; resolves once the marks under way are written. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    this.stopListening();
    await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => console.warn('pathbook sync bookkeeping failed', this.local.name, error)).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  private async writeSynced(): Promise<void> {
    const acked = this.ackedAt;
    if (!acked || this.stopped) return;
    // The registry counts edits up to a second late: write what is counted before reading it.
    await this.store.flush();
    if (this.changes !== acked.changes) return; // changed since: the next acknowledgement covers it
    const entry = await readDocEntry(this.profileId, this.local.name);
    if (this.changes !== acked.changes || this.stopped) return;
    const seen = entry?.pendingChanges ?? 0;
    if (seen === 0 && entry?.lastSyncedAt != null && acked.at - entry.lastSyncedAt < SYNCED_REFRESH_MS) return;
    await markSynced(this.profileId, this.local.name, acked.at, seen);
    this.onChange();
  }

  /**
   * `at` is when the replica was checked. An edit in that same millisecond but after the check
   * would carry the same time and look stored: wait for the clock to move on, and if anything
   * changed meanwhile mark one millisecond earlier, so that edit still counts as not stored.
   */
  private async writeStored(changesAtCheck: number, at: number): Promise<void> {
    this.changesStored = Math.max(this.changesStored, changesAtCheck);
    this.storedAt = Math.max(this.storedAt ?? 0, at);
    this.onChange();
    while (Date.now() <= at) await new Promise((resolve) => setTimeout(resolve, 1));
    const when = this.changes === changesAtCheck ? at : at - 1;
    await markStored(this.profileId, this.local.name, when);
    this.onChange();
  }
}
