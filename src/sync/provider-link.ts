import { HocuspocusProvider, WebSocketStatus, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { CloseEvent } from '@hocuspocus/common';
import type { LocalDoc } from '../local';
import { parseStoredMessage, type StoredMessage } from '../protocol/stored-message';
import { isStoreFailedMessage } from '../protocol/store-failed-message';
import { parseRefusal, relayReason, type Refusal } from '../protocol/refusal';

/**
 * loading: the document is being read from this device; waiting: ready, not on the socket;
 * authenticating: attached, the relay is checking the token; authenticated: syncing or synced;
 * refused: the relay refused it (until the next connection or addDocument); closed: disposed.
 */
export type LinkPhase = 'loading' | 'waiting' | 'authenticating' | 'authenticated' | 'refused' | 'closed';

export interface LinkEvents {
  /** Authenticated or refused: the attach window may move on. */
  answered(link: ProviderLink): void;
  refused(link: ProviderLink, refusal: Refusal): void;
  /** The relay closed this one document (e.g. device-revoked) while the socket stays open. */
  closedByRelay(link: ProviderLink, refusal: Refusal | null): void;
  /** Everything the relay has been sent is acknowledged (unsyncedChanges reached 0 after a sync). */
  acknowledged(link: ProviderLink): void;
  firstSynced(link: ProviderLink): void;
  stored(link: ProviderLink, message: StoredMessage): void;
  /** Anything the status depends on changed. */
  changed(link: ProviderLink): void;
}

/**
 * One document on the session's shared socket: a HocuspocusProvider (no awareness: Pathbook shows
 * no presence) that the session attaches and detaches. Created only once the document has loaded
 * from the device, so the load is not sent as updates and the first sync carries everything.
 */
export class ProviderLink {
  phase: LinkPhase = 'waiting';
  scope: 'read-write' | 'readonly' | null = null;
  refusal: Refusal | null = null;
  syncedThisSession = false;
  /** The relay said it could not store this document (its disk is full); cleared by its next "stored". */
  relayCannotStore = false;
  readonly provider: HocuspocusProvider;

  constructor(
    readonly local: LocalDoc,
    private readonly socket: HocuspocusProviderWebsocket,
    token: () => string,
    private readonly events: LinkEvents,
  ) {
    this.provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: local.name,
      document: local.doc,
      awareness: null,
      token,
    });
    const p = this.provider;
    p.on('authenticated', ({ scope }: { scope: 'read-write' | 'readonly' }) => this.onAuthenticated(scope));
    p.on('authenticationFailed', ({ reason }: { reason: string }) => this.onRefused(parseRefusal(reason)));
    p.on('synced', () => this.onSynced());
    p.on('unsyncedChanges', ({ number }: { number: number }) => this.onUnsynced(number));
    p.on('stateless', ({ payload }: { payload: string }) => {
      const message = parseStoredMessage(payload);
      if (message) {
        this.relayCannotStore = false;
        this.events.stored(this, message);
        this.events.changed(this);
      } else if (isStoreFailedMessage(payload)) {
        this.relayCannotStore = true;
        this.events.changed(this);
      }
    });
    p.on('close', ({ event }: { event: CloseEvent }) => this.onClose(event));
  }

  get name(): string {
    return this.local.name;
  }

  /** Synced, and nothing sent is waiting for the relay (a read-only document's refused edits do not count: they never will be taken). */
  settled(): boolean {
    if (this.phase === 'refused') return true;
    if (this.phase !== 'authenticated' || !this.provider.isSynced) return false;
    return this.provider.unsyncedChanges === 0 || this.scope === 'readonly';
  }

  /** Unacknowledged messages to the relay (the provider's count; 1 while a sync round is open). */
  unacknowledged(): number {
    return this.phase === 'authenticated' ? this.provider.unsyncedChanges : 0;
  }

  attach(): void {
    if (this.phase === 'closed') return;
    this.phase = 'authenticating';
    this.refusal = null;
    this.provider.attach();
    this.events.changed(this);
  }

  /**
   * Takes the provider off the socket without the CLOSE message detach() sends: the relay has no
   * connection for a refused document or a dropped socket, and a CLOSE for a document it does not
   * know counts there as a new document waiting for authentication (100 of those close the socket).
   * While detached the provider sends nothing; the next attach syncs everything.
   */
  detachQuietly(next: 'waiting' | 'refused' = 'waiting'): void {
    if (this.phase === 'closed') return;
    this.socket.configuration.providerMap.delete(this.provider.effectiveName);
    if (this.provider.isAttached) this.provider.detach();
    this.provider.onClose();
    this.phase = next;
    this.events.changed(this);
  }

  /** Keeps an idle socket alive: a sync round trip, only when nothing is in flight (forceSync resets the count to 1). */
  ping(): boolean {
    if (this.phase !== 'authenticated' || !this.provider.isSynced || this.provider.unsyncedChanges !== 0) return false;
    this.provider.forceSync();
    return true;
  }

  dispose(): void {
    if (this.phase === 'closed') return;
    const connected = this.socket.status === WebSocketStatus.Connected && this.phase === 'authenticated';
    if (!connected) this.socket.configuration.providerMap.delete(this.provider.effectiveName);
    this.phase = 'closed';
    this.provider.destroy();
  }

  private onAuthenticated(scope: 'read-write' | 'readonly'): void {
    if (this.phase !== 'authenticating') return;
    this.phase = 'authenticated';
    this.scope = scope;
    this.events.answered(this);
    this.events.changed(this);
  }

  private onRefused(refusal: Refusal): void {
    if (this.phase === 'closed') return;
    const wasAuthenticating = this.phase === 'authenticating';
    this.refusal = refusal;
    this.detachQuietly('refused');
    if (wasAuthenticating) this.events.answered(this);
    this.events.refused(this, refusal);
  }

  private onSynced(): void {
    if (!this.syncedThisSession) {
      this.syncedThisSession = true;
      this.events.firstSynced(this);
    }
    if (this.provider.unsyncedChanges === 0) this.events.acknowledged(this);
    this.events.changed(this);
  }

  private onUnsynced(count: number): void {
    if (count === 0 && this.provider.isSynced && this.phase === 'authenticated') this.events.acknowledged(this);
    this.events.changed(this);
  }

  /**
   * The provider hears both the socket closing and the relay closing only this document (a CLOSE
   * message, e.g. a revoked device). Only the second leaves the socket connected.
   */
  private onClose(event: CloseEvent | undefined): void {
    if (this.phase !== 'authenticated' && this.phase !== 'authenticating') return;
    if (this.socket.status !== WebSocketStatus.Connected) return;
    const refusal = relayReason(event?.reason);
    this.detachQuietly(refusal ? 'refused' : 'waiting');
    this.refusal = refusal;
    this.events.closedByRelay(this, refusal);
  }
}
