import { liveQuery } from 'dexie';
import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { docName, type DocRef } from '../core';
import { listDocEntries, ProfileRemovedError, setNoPermission, type DocEntry, type DocStore, type LocalDoc } from '../local';
import { isUnstored } from '../local/bookkeeping';
import { AttachWindow } from './attach-window';
import { profileDocs, rosterDocs, watchRoster } from './doc-set';
import { keepAlive } from './keepalive';
import { LinkBookkeeping } from './link-bookkeeping';
import { browserNetwork, watchNetwork, type NetworkEvents } from './network';
import { ProviderLink, type LinkEvents } from './provider-link';
import { isSessionRefusal, type Refusal } from './refusal';
import { createSessionSocket, type SocketOptions } from './session-socket';
import { computeStatus, sameStatus, type SyncStatus } from './status';
import { readTokenClaims } from './token-claims';
import { TokenRenewal } from './token-renewal';

export interface SyncSessionOptions extends SocketOptions {
  store: DocStore;
  profileId: string;
  /** The profile's relay token as the app holds it (read at every authentication). */
  token: () => string | null;
  /** The relay said the token has expired: the person must sign in (or join) again. */
  onTokenExpired?: () => void;
  /** A renewed token: the app stores it in the profile (the session uses it at once). */
  onTokenRenewed?: (token: string, expiresAt: number) => void;
  /** Documents waiting for the relay's answer at once (1..100, default 25). */
  batchSize?: number;
  /** Online/offline events; default the browser's (`window`, `navigator.onLine`), none in Node. */
  network?: NetworkEvents | null;
  /** Keep-alive check interval (default 10 s; a round trip after 15 s without a message). */
  keepAliveMs?: number;
}

interface Linked {
  link: ProviderLink;
  books: LinkBookkeeping;
  release: () => void;
}

/**
 * Sync of one profile on one device: ONE socket to the relay, one provider per document on it,
 * attached a window at a time. Bookkeeping goes to the device registry (src/local): acknowledged
 * edits (`markSynced`), "stored on the relay" only from the relay's stored message (`markStored`),
 * read-only and refused documents (`setNoPermission`). Nothing here writes into a document.
 */
export class SyncSession {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly links = new Map<string, Linked>();
  private readonly loading = new Set<string>();
  private readonly window: AttachWindow<ProviderLink>;
  private readonly tokens: TokenRenewal;
  private readonly network: NetworkEvents | null;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly firstSync = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private readonly cleanups: (() => void)[] = [];
  private entries: DocEntry[] = [];
  /** Until the registry has been read and the documents found once, nothing can be called synced. */
  private entriesRead = false;
  private discovered = false;
  private running = false;
  private online = true;
  private socketPhase: 'idle' | 'connecting' | 'open' = 'idle';
  private failedAttempts = 0;
  private refusal: Refusal | null = null;
  private refusedToken: string | null = null;
  private lastReceivedAt = 0;
  private current: SyncStatus;

  constructor(private readonly options: SyncSessionOptions) {
    this.network = options.network === undefined ? browserNetwork() : options.network;
    this.window = new AttachWindow(options.batchSize ?? 25, () => this.socketPhase === 'open');
    this.tokens = new TokenRenewal({
      relayUrl: options.relayUrl,
      appToken: options.token,
      onRenewed: options.onTokenRenewed,
      onRefused: (code, message) => this.refuseSession({ code, message }),
    });
    this.socket = createSessionSocket(options, {
      open: () => this.onSocketOpen(),
      down: () => this.onSocketDown(),
      connecting: () => {
        if (this.socketPhase !== 'open') this.socketPhase = 'connecting';
        this.update();
      },
      received: () => (this.lastReceivedAt = Date.now()),
    });
    this.current = this.compute();
  }

  /** Starts syncing: opens the profile's documents and connects whenever online. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.online = this.network?.isOnline() ?? true;
    if (this.network) this.cleanups.push(watchNetwork(this.network, (online) => this.onNetwork(online)));
    const entries = liveQuery(() => listDocEntries(this.options.profileId)).subscribe({
      next: (rows) => {
        this.entries = rows;
        this.entriesRead = true;
        this.update();
      },
      error: (error: unknown) => console.warn('pathbook sync: cannot read the document registry', error),
    });
    this.cleanups.push(() => entries.unsubscribe());
    this.cleanups.push(this.options.store.onRemoved(() => void this.stop()));
    this.cleanups.push(
      keepAlive({
        intervalMs: this.options.keepAliveMs ?? 10_000,
        quietMs: (this.options.keepAliveMs ?? 10_000) * 1.5,
        lastReceivedAt: () => this.lastReceivedAt,
        isOpen: () => this.socketPhase === 'open',
        links: () => [...this.links.values()].map((l) => l.link),
      }),
    );
    const timer = setInterval(() => this.everyMinute(), 60_000);
    this.cleanups.push(() => clearInterval(timer));
    void this.discover();
    if (this.online) void this.socket.connect();
    this.update();
  }

  /** Stops syncing and closes the socket; resolves once the bookkeeping under way is written. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.discovered = false;
    this.entriesRead = false;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.window.clear();
    const linked = [...this.links.values()];
    this.links.clear();
    for (const { link, release } of linked) {
      release();
      link.dispose();
    }
    this.socket.destroy();
    await Promise.all(linked.map(({ books }) => books.stop()));
    this.update();
  }

  /** Adds a document to sync now (first in line), or asks again for one the relay refused. */
  addDocument(ref: DocRef): void {
    if (!this.running) return;
    const existing = this.links.get(docName(ref))?.link;
    if (existing?.phase === 'refused' && !this.refusal) {
      existing.phase = 'waiting';
      this.window.enqueue(existing, true);
      this.update();
      return;
    }
    this.ensureLink(ref, true);
  }

  /** Tries again after a refusal of the whole device (e.g. after signing in again) or at once after a failure. */
  reconnect(): void {
    if (!this.running) return;
    this.refusal = null;
    this.refusedToken = null;
    this.failedAttempts = 0;
    for (const { link } of this.links.values()) if (link.phase === 'refused') link.phase = 'waiting';
    if (this.online) void this.socket.connect();
    if (this.socketPhase === 'open') this.onSocketOpen();
    this.update();
  }

  status(): SyncStatus {
    return this.current;
  }

  /** Calls `listener` now and at every change of the status; returns the unsubscribe. */
  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /** Whether this account may only read the document (the app must block editing it). */
  isReadOnly(name: string): boolean {
    const link = this.links.get(name)?.link;
    if (link?.scope) return link.scope === 'readonly';
    if (link?.refusal?.code === 'forbidden' && this.role() === 'student') return true;
    return this.entries.find((e) => e.name === name)?.readOnlyReason === 'no-permission';
  }

  /**
   * Resolves once the document has synced with the relay in this session. Anything that writes
   * automatically (defaults, migrations) must wait for it: a device back from weeks offline would
   * otherwise write over newer work. Stays pending while offline or refused.
   */
  whenFirstSynced(name: string): Promise<void> {
    if (this.links.get(name)?.link.syncedThisSession) return Promise.resolve();
    let entry = this.firstSync.get(name);
    if (!entry) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      entry = { promise, resolve };
      this.firstSync.set(name, entry);
    }
    return entry.promise;
  }

  // ---- documents ---------------------------------------------------------------------------

  private role(): 'teacher' | 'student' | null {
    return readTokenClaims(this.tokens.current())?.role ?? null;
  }

  /** Links every document the profile holds or its role needs that is not linked yet. */
  private async discover(): Promise<void> {
    const refs = await profileDocs(this.options.profileId, readTokenClaims(this.tokens.current()));
    if (!this.running) return;
    for (const ref of refs) this.ensureLink(ref);
    if (this.role() === 'teacher') {
      for (const { link } of this.links.values()) {
        const ref = link.local.ref;
        if (ref.kind === 'class') for (const student of rosterDocs(link.local.doc, ref.classId)) this.ensureLink(student);
      }
    }
    this.discovered = true;
    this.update();
  }

  private ensureLink(ref: DocRef, urgent = false): void {
    const name = docName(ref);
    if (!this.running || this.links.has(name) || this.loading.has(name)) return;
    let local: LocalDoc;
    try {
      local = this.options.store.open(ref);
    } catch (error) {
      if (error instanceof ProfileRemovedError) void this.stop();
      else console.warn('pathbook sync: cannot open', name, error);
      return;
    }
    this.loading.add(name);
    this.update();
    void local.whenLoaded.then(() => {
      this.loading.delete(name);
      // Closed by the app while loading: a later discovery links it again.
      if (this.running && this.options.store.get(name) === local) this.link(local, urgent);
      this.update();
    });
  }

  private link(local: LocalDoc, urgent: boolean): void {
    const link = new ProviderLink(local, this.socket, () => this.tokens.current() ?? '', this.linkEvents);
    const books = new LinkBookkeeping(this.options.store, this.options.profileId, local, link.provider, () => this.update());
    const releases: (() => void)[] = [];
    const onDestroy = () => this.unlink(local.name);
    local.doc.on('destroy', onDestroy);
    releases.push(() => local.doc.off('destroy', onDestroy));
    const ref = local.ref;
    if (ref.kind === 'class' && this.role() === 'teacher') {
      for (const student of rosterDocs(local.doc, ref.classId)) this.ensureLink(student);
      releases.push(watchRoster(local.doc, ref.classId, (refs) => refs.forEach((r) => this.ensureLink(r))));
    }
    this.links.set(local.name, { link, books, release: () => releases.forEach((r) => r()) });
    this.window.enqueue(link, urgent || this.hasLocalWork(local.name));
  }

  /** The app closed the document (its Y.Doc is destroyed): drop the provider; discovery links it again. */
  private unlink(name: string): void {
    const linked = this.links.get(name);
    if (!linked) return;
    this.links.delete(name);
    linked.release();
    this.window.remove(linked.link);
    linked.link.dispose();
    void linked.books.stop();
    this.update();
  }

  private hasLocalWork(name: string): boolean {
    const entry = this.entries.find((e) => e.name === name);
    return entry !== undefined && (entry.pendingChanges > 0 || isUnstored(entry));
  }

  private readonly linkEvents: LinkEvents = {
    answered: (link) => {
      this.window.answered(link);
      if (link.phase === 'authenticated') this.recordAccess(link);
    },
    refused: (link, refusal) => {
      if (isSessionRefusal(refusal.code)) return this.refuseSession(refusal);
      // A student is never granted a forbidden document; a teacher's class may just not be connected yet.
      if (refusal.code === 'forbidden' && this.role() === 'student') void setNoPermission(this.options.profileId, link.name, true);
      this.update();
    },
    closedByRelay: (link, refusal) => {
      if (refusal && isSessionRefusal(refusal.code)) return this.refuseSession(refusal);
      if (!refusal && this.running) this.window.enqueue(link);
      this.update();
    },
    acknowledged: (link) => this.links.get(link.name)?.books.acknowledged(),
    firstSynced: (link) => {
      this.links.get(link.name)?.books.firstSynced();
      this.firstSync.get(link.name)?.resolve();
      this.firstSync.delete(link.name);
    },
    stored: (link, message) => this.links.get(link.name)?.books.stored(message),
    changed: () => this.update(),
  };

  private recordAccess(link: ProviderLink): void {
    const readOnly = link.scope === 'readonly';
    const entry = this.entries.find((e) => e.name === link.name);
    if (readOnly && entry?.readOnlyReason == null) void setNoPermission(this.options.profileId, link.name, true);
    else if (!readOnly && entry?.readOnlyReason === 'no-permission') void setNoPermission(this.options.profileId, link.name, false);
  }

  // ---- socket, network, token ----------------------------------------------------------------

  private onSocketOpen(): void {
    if (!this.running || this.refusal) return;
    this.socketPhase = 'open';
    this.failedAttempts = 0;
    this.lastReceivedAt = Date.now();
    const ready = [...this.links.values()].map((l) => l.link).filter((l) => l.phase === 'waiting' || l.phase === 'refused');
    const [first, rest] = [ready.filter((l) => this.hasLocalWork(l.name)), ready.filter((l) => !this.hasLocalWork(l.name))];
    for (const link of [...first, ...rest]) {
      if (link.phase === 'refused') link.phase = 'waiting';
      this.window.enqueue(link);
    }
    void this.tokens.renewIfDue();
    void this.discover();
    this.update();
  }

  /** Every provider comes off the socket: on the next open they are attached again a window at a time. */
  private onSocketDown(): void {
    const wasOpen = this.socketPhase === 'open';
    this.socketPhase = this.running && this.online && !this.refusal ? 'connecting' : 'idle';
    if (!wasOpen && this.running && this.online && !this.refusal) this.failedAttempts++;
    this.window.clear();
    for (const { link } of this.links.values()) {
      if (link.phase === 'authenticating' || link.phase === 'authenticated') link.detachQuietly('waiting');
    }
    this.update();
  }

  /** `online` retries at once (cutting the backoff short, which may be at 30 s); `offline` stops trying until then. */
  private onNetwork(online: boolean): void {
    this.online = online;
    this.failedAttempts = 0;
    if (!online) this.socket.disconnect();
    else if (this.running && !this.refusal) void this.socket.connect();
    this.update();
  }

  private refuseSession(refusal: Refusal): void {
    if (!this.running) return;
    const first = this.refusal === null;
    this.refusal = refusal;
    this.refusedToken = this.tokens.current();
    this.socket.disconnect();
    this.onSocketDown();
    if (first && refusal.code === 'token-expired') this.options.onTokenExpired?.();
  }

  private everyMinute(): void {
    // A refused token replaced by the app (signed in again): try again without waiting for reconnect().
    if (this.refusal?.code.startsWith('token') && this.tokens.current() !== this.refusedToken) return this.reconnect();
    if (this.socketPhase !== 'open') return;
    void this.tokens.renewIfDue();
    void this.discover();
  }

  // ---- status --------------------------------------------------------------------------------

  private compute(): SyncStatus {
    let unsettled = this.loading.size + (this.discovered && this.entriesRead ? 0 : 1);
    let refused = 0;
    let readOnly = 0;
    const unacknowledgedNow = new Set<string>();
    const unstoredNow = new Set<string>();
    let lastSyncedNow: number | null = null;
    let lastStoredNow: number | null = null;
    const registered = new Set(this.entries.map((e) => e.name));
    for (const { link, books } of this.links.values()) {
      if (link.phase === 'refused') refused++;
      else if (!link.settled()) unsettled++;
      if (link.scope === 'readonly') readOnly++;
      if (books.unacknowledgedChanges()) unacknowledgedNow.add(link.name);
      if (books.unstoredChanges() || (!registered.has(link.name) && !books.storedNow())) unstoredNow.add(link.name);
      lastSyncedNow = Math.max(lastSyncedNow ?? 0, books.syncedAt ?? 0) || null;
      lastStoredNow = Math.max(lastStoredNow ?? 0, books.storedAt ?? 0) || null;
    }
    return computeStatus({
      running: this.running,
      online: this.online,
      socket: this.socketPhase,
      failedAttempts: this.failedAttempts,
      refusal: this.refusal,
      unsettledDocs: unsettled,
      refusedDocs: refused,
      readOnlyDocs: readOnly,
      entries: this.entries,
      unacknowledgedNow,
      unstoredNow,
      lastSyncedNow,
      lastStoredNow,
    });
  }

  private update(): void {
    const next = this.compute();
    if (sameStatus(next, this.current)) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }
}
