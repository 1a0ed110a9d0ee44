import type { HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { docName, type DocRef } from '../core';
import { ProfileRemovedError, type DocEntry, type DocStore, type LocalDoc } from '../local';
import { isUnstored } from '../local/bookkeeping';
import type { AttachWindow } from './attach-window';
import { profileDocs, rosterDocs, watchRoster } from './doc-set';
import { LinkBookkeeping } from './link-bookkeeping';
import { ProviderLink, type LinkEvents } from './provider-link';
import type { SessionFacts } from './status';
import type { TokenClaims } from '../protocol/token-claims';

export interface Linked {
  link: ProviderLink;
  books: LinkBookkeeping;
  release: () => void;
}

export interface SessionDocsDeps {
  store: DocStore;
  profileId: string;
  socket: HocuspocusProviderWebsocket;
  window: AttachWindow<ProviderLink>;
  token: () => string;
  claims: () => TokenClaims | null;
  events: LinkEvents;
  entries: () => readonly DocEntry[];
  running: () => boolean;
  changed: () => void;
  profileRemoved: () => void;
}

/**
 * The session's documents: each opened through the DocStore, given a provider once loaded, and
 * queued on the attach window. Found from the registry and the profile's role (doc-set.ts), and
 * for a teacher from each class's roster as it changes. A document the app closes is dropped
 * and linked again by the next discovery (every minute and at every connection).
 */
export class SessionDocs {
  readonly links = new Map<string, Linked>();
  private readonly loading = new Set<string>();
  /** The registry and role were read once: before that the session cannot be 'synced'. */
  discovered = false;

  constructor(private readonly deps: SessionDocsDeps) {}

  get(name: string): Linked | undefined {
    return this.links.get(name);
  }

  all(): ProviderLink[] {
    return [...this.links.values()].map((l) => l.link);
  }

  async discover(): Promise<void> {
    const refs = await profileDocs(this.deps.profileId, this.deps.claims());
    if (!this.deps.running()) return;
    for (const ref of refs) this.ensure(ref);
    if (this.deps.claims()?.role === 'teacher') {
      for (const { link } of this.links.values()) {
        const ref = link.local.ref;
        if (ref.kind === 'class') for (const student of rosterDocs(link.local.doc, ref.classId)) this.ensure(student);
      }
    }
    this.discovered = true;
    this.deps.changed();
  }

  /** Opens and links a document unless it is already (`urgent`: first in the attach queue). */
  ensure(ref: DocRef, urgent = false): void {
    const name = docName(ref);
    if (!this.deps.running() || this.links.has(name) || this.loading.has(name)) return;
    let local: LocalDoc;
    try {
      local = this.deps.store.open(ref);
    } catch (error) {
      if (error instanceof ProfileRemovedError) this.deps.profileRemoved();
      else console.warn('pathbook sync: cannot open', name, error);
      return;
    }
    this.loading.add(name);
    this.deps.changed();
    void local.whenLoaded.then(() => {
      this.loading.delete(name);
      // Closed by the app while loading: a later discovery links it again.
      if (this.deps.running() && this.deps.store.get(name) === local) this.link(local, urgent);
      this.deps.changed();
    });
  }

  /** Local edits the relay has not acknowledged or stored: such documents go first. */
  hasLocalWork(name: string): boolean {
    const entry = this.deps.entries().find((e) => e.name === name);
    return entry !== undefined && (entry.pendingChanges > 0 || isUnstored(entry));
  }

  /** Drops every provider; resolves once their bookkeeping is written. */
  async closeAll(): Promise<void> {
    const linked = [...this.links.values()];
    this.links.clear();
    this.loading.clear();
    this.discovered = false;
    for (const { link, release } of linked) {
      release();
      link.dispose();
    }
    await Promise.all(linked.map(({ books }) => books.stop()));
  }

  /** What the status needs to know about the documents. */
  facts(): Pick<SessionFacts, 'unsettledDocs' | 'refusedDocs' | 'readOnlyDocs' | 'relayCannotStoreDocs' | 'unacknowledgedNow' | 'unstoredNow' | 'lastSyncedNow' | 'lastStoredNow'> {
    let unsettledDocs = this.loading.size + (this.discovered ? 0 : 1);
    let refusedDocs = 0;
    let readOnlyDocs = 0;
    let relayCannotStoreDocs = 0;
    let lastSyncedNow: number | null = null;
    let lastStoredNow: number | null = null;
    const unacknowledgedNow = new Set<string>();
    const unstoredNow = new Set<string>();
    const registered = new Set(this.deps.entries().map((e) => e.name));
    for (const { link, books } of this.links.values()) {
      if (link.phase === 'refused') refusedDocs++;
      else if (!link.settled()) unsettledDocs++;
      if (link.scope === 'readonly') readOnlyDocs++;
      if (link.relayCannotStore) relayCannotStoreDocs++;
      if (books.unacknowledgedChanges()) unacknowledgedNow.add(link.name);
      // Not registered yet (the registry batches) and not confirmed stored: not stored.
      if (books.unstoredChanges() || (!registered.has(link.name) && !books.storedNow())) unstoredNow.add(link.name);
      if (books.syncedAt !== null) lastSyncedNow = Math.max(lastSyncedNow ?? 0, books.syncedAt);
      if (books.storedAt !== null) lastStoredNow = Math.max(lastStoredNow ?? 0, books.storedAt);
    }
    return { unsettledDocs, refusedDocs, readOnlyDocs, relayCannotStoreDocs, unacknowledgedNow, unstoredNow, lastSyncedNow, lastStoredNow };
  }

  private link(local: LocalDoc, urgent: boolean): void {
    const link = new ProviderLink(local, this.deps.socket, this.deps.token, this.deps.events);
    const books = new LinkBookkeeping(this.deps.store, this.deps.profileId, local, link.provider, this.deps.changed);
    const releases: (() => void)[] = [];
    const onDestroy = () => this.unlink(local.name);
    local.doc.on('destroy', onDestroy);
    releases.push(() => local.doc.off('destroy', onDestroy));
    const ref = local.ref;
    if (ref.kind === 'class' && this.deps.claims()?.role === 'teacher') {
      for (const student of rosterDocs(local.doc, ref.classId)) this.ensure(student);
      releases.push(watchRoster(local.doc, ref.classId, (refs) => refs.forEach((r) => this.ensure(r))));
    }
    this.links.set(local.name, { link, books, release: () => releases.forEach((r) => r()) });
    this.deps.window.enqueue(link, urgent || this.hasLocalWork(local.name));
  }

  /** The app closed the document (its Y.Doc is destroyed): drop the provider. */
  private unlink(name: string): void {
    const linked = this.links.get(name);
    if (!linked) return;
    this.links.delete(name);
    linked.release();
    this.deps.window.remove(linked.link);
    linked.link.dispose();
    void linked.books.stop();
    this.deps.changed();
  }
}
