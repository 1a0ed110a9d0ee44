import { liveQuery } from 'dexie';
import { WebSocketStatus, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { docName, type DocRef } from '../core';
import { listDocEntries, setNoPermission, type DocEntry, type DocStore } from '../local';
import { AttachWindow } from './attach-window';
import { keepAlive } from './keepalive';
import { browserNetwork, watchNetwork, type NetworkEvents } from './network';
import type { LinkEvents, ProviderLink } from './provider-link';
import { isSessionRefusal, type Refusal } from '../protocol/refusal';
import { SessionDocs } from './session-docs';
import { createSessionSocket, type SocketOptions } from './session-socket';
import { computeStatus, sameStatus, type SyncStatus } from './status';
import { readTokenClaims } from '../protocol/token-claims';
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
  /** Keep-alive check interval (default 10 s; a round trip after 1.5 intervals without a message). Keep it well under silenceTimeoutMs. */
  keepAliveMs?: number;
}

/**
 * Sync of one profile on one device: ONE socket to the relay, one provider per document on it,
 * attached a window at a time. Bookkeeping goes to the device registry (src/local): acknowledged
 * edits (`markSynced`), "stored on the relay" only from the relay's stored message (`markStored`),
 * read-only documents (`setNoPermission`). Nothing here writes into a document.
 */
export class SyncSession {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly docs: SessionDocs;
  private readonly window: AttachWindow<ProviderLink>;
  private readonly tokens: TokenRenewal;
  private readonly network: NetworkEvents | null;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private readonly firstSync = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private readonly cleanups: (() => void)[] = [];
  private entries: DocEntry[] = [];
  /** Until the registry has been read once, nothing can be called synced. */
  private entriesRead = false;
  private running = false;
  private stopped = false;
  private online = true;
  private socketPhase: 'idle' | 'connecting' | 'open' = 'idle';
  private failedAttempts = 0;
  private refusal: Refusal | null = null;
  private refusedToken: string | null = null;
  private lastReceivedAt = 0;
  private reconnectAfterClose = false;
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
    this.docs = new SessionDocs({
      store: options.store,
      profileId: options.profileId,
      socket: this.socket,
      window: this.window,
      token: () => this.tokens.current() ?? '',
      claims: () => readTokenClaims(this.tokens.current()),
      events: this.linkEvents,
      entries: () => this.entries,
      running: () => this.running,
      changed: () => this.update(),
      profileRemoved: () => void this.stop(),
    });
    this.current = this.compute();
  }

  /** Starts syncing: opens the profile's documents and connects whenever online. Once only. */
  start(): void {
    if (this.running) return;
    if (this.stopped) throw new Error('a stopped SyncSession cannot start again: create a new one');
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
    const keepAliveMs = this.options.keepAliveMs ?? 10_000;
    this.cleanups.push(
      keepAlive({
        intervalMs: keepAliveMs,
        quietMs: keepAliveMs * 1.5,
        lastReceivedAt: () => this.lastReceivedAt,
        isOpen: () => this.socketPhase === 'open',
        links: () => this.docs.all(),
      }),
    );
    const timer = setInterval(() => this.everyMinute(), 60_000);
    this.cleanups.push(() => clearInterval(timer));
    void this.docs.discover();
    if (this.online) void this.socket.connect();
    this.update();
  }

  /** Stops syncing and closes the socket; resolves once the bookkeeping under way is written. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopped = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.window.clear();
    const closing = this.docs.closeAll();
    this.socket.destroy();
    await closing;
    this.update();
  }

  /** Adds a document to sync now (first in line), or asks again for one the relay refused. */
  addDocument(ref: DocRef): void {
    if (!this.running) return;
    const existing = this.docs.get(docName(ref))?.link;
    if (existing?.phase === 'refused' && !this.refusal) {
      existing.phase = 'waiting';
      this.window.enqueue(existing, true);
      this.update();
      return;
    }
    this.docs.ensure(ref, true);
  }

  /** Tries again after a refusal of the whole device (e.g. after signing in again), or at once after a failure. */
  reconnect(): void {
    if (!this.running) return;
    this.refusal = null;
    this.refusedToken = null;
    this.failedAttempts = 0;
    if (this.online) this.connectNow();
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
    const link = this.docs.get(name)?.link;
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
    if (this.docs.get(name)?.link.syncedThisSession) return Promise.resolve();
    let entry = this.firstSync.get(name);
    if (!entry) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      entry = { promise, resolve };
      this.firstSync.set(name, entry);
    }
    return entry.promise;
  }

  private role(): 'teacher' | 'student' | null {
    return readTokenClaims(this.tokens.current())?.role ?? null;
  }

  // ---- what the relay says about each document ---------------------------------------------

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
    acknowledged: (link) => this.docs.get(link.name)?.books.acknowledged(),
    firstSynced: (link) => {
      this.docs.get(link.name)?.books.firstSynced();
      this.firstSync.get(link.name)?.resolve();
      this.firstSync.delete(link.name);
    },
    stored: (link, message) => this.docs.get(link.name)?.books.stored(message),
    changed: () => this.update(),
  };

  /** Read-only in the registry (readOnlyReason 'no-permission') while the relay grants only reading. */
  private recordAccess(link: ProviderLink): void {
    const readOnly = link.scope === 'readonly';
    const reason = this.entries.find((e) => e.name === link.name)?.readOnlyReason;
    if (readOnly && reason == null) void setNoPermission(this.options.profileId, link.name, true);
    else if (!readOnly && reason === 'no-permission') void setNoPermission(this.options.profileId, link.name, false);
  }

  // ---- socket, network, token ----------------------------------------------------------------

  private onSocketOpen(): void {
    if (!this.running || this.refusal) return;
    this.socketPhase = 'open';
    this.failedAttempts = 0;
    this.lastReceivedAt = Date.now();
    const ready = this.docs.all().filter((l) => l.phase === 'waiting' || l.phase === 'refused');
    const first = ready.filter((l) => this.docs.hasLocalWork(l.name));
    const rest = ready.filter((l) => !this.docs.hasLocalWork(l.name));
    for (const link of [...first, ...rest]) {
      if (link.phase === 'refused') link.phase = 'waiting';
      this.window.enqueue(link);
    }
    void this.tokens.renewIfDue();
    void this.docs.discover();
    this.update();
  }

  /** Every provider comes off the socket: on the next open they are attached again a window at a time. */
  private onSocketDown(): void {
    const wasOpen = this.socketPhase === 'open';
    const retrying = this.running && this.online && !this.refusal;
    this.socketPhase = retrying ? 'connecting' : 'idle';
    if (!wasOpen && retrying) this.failedAttempts++;
    this.window.clear();
    for (const link of this.docs.all()) {
      if (link.phase === 'authenticating' || link.phase === 'authenticated') link.detachQuietly('waiting');
    }
    if (this.reconnectAfterClose && retrying) void this.socket.connect();
    this.reconnectAfterClose = false;
    this.update();
  }

  /** `online` retries at once (cutting the backoff short, which may be at 30 s); `offline` stops trying until then. */
  private onNetwork(online: boolean): void {
    this.online = online;
    this.failedAttempts = 0;
    if (!online) this.socket.disconnect();
    else if (this.running && !this.refusal) this.connectNow();
    this.update();
  }

  /**
   * The provider's connect() does nothing while its socket still counts as connected, which it
   * does between disconnect() and the close event (an offline/online flap): then connect again
   * as soon as the close arrives.
   */
  private connectNow(): void {
    if (this.socket.status === WebSocketStatus.Connected && !this.socket.shouldConnect) this.reconnectAfterClose = true;
    else void this.socket.connect();
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
    void this.docs.discover();
    // The relay could not check access (its own trouble): ask again. Other refusals wait for
    // addDocument, reconnect() or the next connection, so the status does not flicker every minute.
    for (const link of this.docs.all()) {
      if (link.phase === 'refused' && link.refusal?.code === 'internal') {
        link.phase = 'waiting';
        this.window.enqueue(link);
      }
    }
  }

  // ---- status --------------------------------------------------------------------------------

  private compute(): SyncStatus {
    const facts = this.docs.facts();
    return computeStatus({
      ...facts,
      unsettledDocs: facts.unsettledDocs + (this.entriesRead ? 0 : 1),
      running: this.running,
      online: this.online,
      socket: this.socketPhase,
      failedAttempts: this.failedAttempts,
      refusal: this.refusal,
      entries: this.entries,
    });
  }

  private update(): void {
    const next = this.compute();
    if (sameStatus(next, this.current)) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }
}
