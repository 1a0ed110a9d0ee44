import * as Y from 'yjs';
import { docName, initMeta, isId, readMeta, reportIssuesOf, writeAccess, type DocRef, type ReadIssue } from '../core';
import { localDb, type PathbookDb } from './db';
import { docDbName, storageErrorKind } from './idb';
import { countsAsLocalEdit, onDocChange, OTHER_TAB, STORAGE_LOAD } from './origins';
import { TabBridge, type TabMessage } from './tab-bridge';
import type { LocalDoc, StorageProblem, UnreadableRecord } from './types';
import { RegistryWriter } from './registry-writer';
import { UnsavedChangesError, UpdateLog } from './update-log';

interface OpenDoc {
  local: LocalDoc;
  log: UpdateLog;
  detach: () => void;
}

export class ProfileRemovedError extends Error {
  override name = 'ProfileRemovedError';
}

/** DocStores alive in this page, by profile, so removing a profile can close its documents first. */
const liveStores = new Map<string, Set<DocStore>>();

export function storesOf(profileId: string): DocStore[] {
  return [...(liveStores.get(profileId) ?? [])];
}

/**
 * The documents one profile holds open on this device. Each is kept in its own IndexedDB database
 * (`pathbook:<profileId>:<docName>`), written on every update, shared live with the profile's
 * other tabs, and listed with its sync bookkeeping in the registry's `docs` table.
 */
export class DocStore {
  private readonly docs = new Map<string, OpenDoc>();
  private readonly errorListeners = new Set<(problem: StorageProblem) => void>();
  private readonly unreadableListeners = new Set<(record: UnreadableRecord) => void>();
  /** Unreadable records already reported, so a list read on every render reports each once. */
  private readonly unreadable = new Set<string>();
  private readonly removedListeners = new Set<() => void>();
  private readonly registry: RegistryWriter;
  private bridge: TabBridge | null = null;
  private removed = false;

  constructor(
    readonly profileId: string,
    private readonly db: PathbookDb = localDb(),
  ) {
    if (!isId(profileId)) throw new Error(`not a profile id: ${String(profileId)}`);
    this.registry = new RegistryWriter(db, profileId, (error, name) => this.report(name, error));
    this.join();
  }

  private join(): void {
    const set = liveStores.get(this.profileId) ?? new Set();
    set.add(this);
    liveStores.set(this.profileId, set);
  }

  /** Opens a document as stored on this device (or empty). Never writes meta or defaults. */
  open(ref: DocRef): LocalDoc {
    const name = docName(ref);
    const existing = this.docs.get(name);
    if (existing) return existing.local;
    if (this.removed) throw new ProfileRemovedError(`profile ${this.profileId} was removed from this device`);
    this.join();
    // Joined now, not at the first edit, so updates other tabs send while this one loads are not missed.
    this.channel();

    const doc = new Y.Doc();
    const log = new UpdateLog(docDbName(this.profileId, name), doc, {
      setAside: (rows) => this.registry.setAside(name, rows),
      onError: (_kind, error, unsaved) => this.report(name, error, unsaved),
    });
    // Registered once loaded, when it is known whether a newer Pathbook wrote it; meta changes from sync update that.
    let newer: boolean | null = null;
    const recordAccess = () => {
      const isNewer = writeAccess(doc) === 'newer-schema';
      if (isNewer === newer) return;
      newer = isNewer;
      this.registry.opened(ref, isNewer);
    };
    const stopReporting = reportIssuesOf(doc, (issue) => this.reportUnreadable(name, issue));
    const stopCounting = onDocChange(doc, (origin) => {
      if (countsAsLocalEdit(origin)) this.registry.edited(ref, Date.now());
    });
    const broadcast = (update: Uint8Array, origin: unknown) => {
      if (origin !== OTHER_TAB && origin !== STORAGE_LOAD) this.channel().post({ type: 'update', name, update });
    };
    const meta = doc.getMap('meta');
    const onMeta = () => {
      if (newer !== null) recordAccess();
    };
    meta.observe(onMeta);

    const local: LocalDoc = {
      name,
      ref,
      doc,
      access: () => writeAccess(doc),
      unsavedUpdates: () => log.unsaved(),
      whenLoaded: log.whenLoaded.then((report) => {
        recordAccess();
        if (this.docs.get(name)?.local.doc !== doc) return report;
        // Broadcasting starts only now (an 'update' listener during the load costs a re-encode);
        // the hello makes tabs exchange whatever either side has that the other lacks, edits made meanwhile included.
        doc.on('update', broadcast);
        this.channel().post({ type: 'hello', name, sv: Y.encodeStateVector(doc) });
        return report;
      }),
    };
    this.docs.set(name, {
      local,
      log,
      detach: () => {
        stopReporting();
        stopCounting();
        doc.off('update', broadcast);
        meta.unobserve(onMeta);
      },
    });
    return local;
  }

  /**
   * Opens a document this device is creating and, once what is stored has loaded, writes its
   * meta (schema version) if it has none. Call it only where the document is created.
   */
  create(ref: DocRef): LocalDoc {
    const local = this.open(ref);
    local.whenLoaded = local.whenLoaded.then((report) => {
      if (readMeta(local.doc).schema === null && this.docs.get(local.name)?.local === local) initMeta(local.doc, ref);
      return report;
    });
    return local;
  }

  get(name: string): LocalDoc | undefined {
    return this.docs.get(name)?.local;
  }

  openNames(): string[] {
    return [...this.docs.keys()];
  }

  /** Writes every update and edit count waiting in memory; resolves true when all are on disk. */
  async flush(): Promise<boolean> {
    const results = await Promise.all([...this.docs.values()].map((d) => d.local.whenLoaded.then(() => d.log.flush())));
    await this.registry.flush();
    return results.every(Boolean);
  }

  /**
   * Writes what is waiting and closes the document. Throws UnsavedChangesError, leaving it open,
   * when its updates cannot be written (the app should tell the person, not drop the edits).
   */
  async close(name: string): Promise<void> {
    await this.closeDoc(name, false);
  }

  /** Closes every document (see close); throws the first UnsavedChangesError after trying all. */
  async closeAll(): Promise<void> {
    const results = await Promise.allSettled([...this.docs.keys()].map((name) => this.closeDoc(name, false)));
    if (this.docs.size === 0) this.shutdown();
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Storage failures of this profile's documents and registry; returns a function that unsubscribes. */
  onStorageError(listener: (problem: StorageProblem) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Records of this profile's documents that could not be read (each once); returns a function that unsubscribes. */
  onUnreadableRecord(listener: (record: UnreadableRecord) => void): () => void {
    this.unreadableListeners.add(listener);
    return () => this.unreadableListeners.delete(listener);
  }

  /** Called when the profile is removed (in this tab or another); every document is then closed. */
  onRemoved(listener: () => void): () => void {
    this.removedListeners.add(listener);
    return () => this.removedListeners.delete(listener);
  }

  /** Closes everything without waiting for writes: the profile's data is about to be deleted. */
  async discard(): Promise<void> {
    if (this.removed) return;
    this.removed = true;
    await Promise.all([...this.docs.keys()].map((name) => this.closeDoc(name, true)));
    this.shutdown();
    for (const listener of this.removedListeners) listener();
  }

  private async closeDoc(name: string, discard: boolean): Promise<void> {
    const entry = this.docs.get(name);
    if (!entry) return;
    if (!discard) await this.registry.flush();
    try {
      await entry.log.close(discard);
    } catch (error) {
      if (error instanceof UnsavedChangesError) throw new UnsavedChangesError(name, error.unsavedUpdates);
      throw error;
    }
    if (this.docs.get(name) !== entry) return;
    this.docs.delete(name);
    entry.detach();
    entry.local.doc.destroy();
  }

  private shutdown(): void {
    this.registry.stop(this.removed);
    this.bridge?.close();
    this.bridge = null;
    liveStores.get(this.profileId)?.delete(this);
  }

  private channel(): TabBridge {
    this.bridge ??= new TabBridge(this.profileId, (message) => this.receive(message));
    return this.bridge;
  }

  private receive(message: TabMessage): void {
    if (message.type === 'removed') return void this.discard();
    const open = this.docs.get(message.name);
    if (!open) return;
    const { doc } = open.local;
    if (message.type === 'hello') {
      const update = Y.encodeStateAsUpdate(doc, message.sv);
      return this.channel().post({ type: 'update', name: message.name, update, sv: Y.encodeStateVector(doc) });
    }
    try {
      Y.applyUpdate(doc, message.update, OTHER_TAB);
    } catch (error) {
      this.report(message.name, error);
      return;
    }
    if (message.sv) this.channel().post({ type: 'update', name: message.name, update: Y.encodeStateAsUpdate(doc, message.sv) });
  }

  private reportUnreadable(docName: string, issue: ReadIssue): void {
    const key = `${docName}\u0000${issue.collection}\u0000${issue.id}\u0000${issue.problem}`;
    if (this.unreadable.has(key)) return;
    this.unreadable.add(key);
    const record: UnreadableRecord = { ...issue, profileId: this.profileId, docName };
    if (this.unreadableListeners.size === 0) console.warn('pathbook unreadable record', record);
    for (const listener of this.unreadableListeners) listener(record);
  }

  private report(docName: string | null, error: unknown, unsavedUpdates = 0): void {
    const problem: StorageProblem = { kind: storageErrorKind(error), profileId: this.profileId, docName, unsavedUpdates, error };
    if (this.errorListeners.size === 0) console.warn('pathbook storage problem', problem);
    for (const listener of this.errorListeners) listener(problem);
  }
}

export { UnsavedChangesError };
