import WebSocket from 'ws';
import * as Y from 'yjs';
import { newId, type DocRef } from '../../src/core';
import { createProfile, DocStore, readDocEntry } from '../../src/local';
import { DocumentRows } from '../../src/relay/persistence';
import { readTokenClaims, SyncSession, type SyncSessionOptions, type SyncStatus } from '../../src/sync';
import { onCleanup, waitFor, type TestRelay } from '../relay/helpers';

/** A device for sync tests: its own profile id and DocStore, a session, and network events it controls. */
export interface TestDevice {
  profileId: string;
  store: DocStore;
  session: SyncSession;
  network: FakeNetwork;
  /** Every status the session reported, in order. */
  statuses: SyncStatus[];
  open(ref: DocRef): Promise<Y.Doc>;
}

/** Online/offline events the test dispatches, like a browser's window. */
export class FakeNetwork extends EventTarget {
  constructor(public online = true) {
    super();
  }
  isOnline = () => this.online;
  goOffline(): void {
    this.online = false;
    this.dispatchEvent(new Event('offline'));
  }
  goOnline(): void {
    this.online = true;
    this.dispatchEvent(new Event('online'));
  }
}

export interface DeviceOptions extends Partial<Omit<SyncSessionOptions, 'store' | 'profileId' | 'token' | 'network'>> {
  token: string | (() => string | null);
  online?: boolean;
  start?: boolean;
  /** Creates the device profile (as the app does) with these classes; role and student from the token. */
  classIds?: string[];
}

export async function newSyncDevice(relay: { url: string }, options: DeviceOptions): Promise<TestDevice> {
  const { token, start = true, classIds, ...rest } = options;
  let profileId = newId();
  if (classIds) {
    const claims = readTokenClaims(typeof token === 'function' ? token() : token)!;
    const profile = await createProfile({
      role: claims.role,
      displayName: claims.role === 'teacher' ? 'Ms Rivera' : 'Ana',
      language: 'en',
      classIds,
      studentId: claims.role === 'student' ? claims.subject : null,
      relayUrl: relay.url,
    });
    profileId = profile.id;
  }
  const store = new DocStore(profileId);
  const network = new FakeNetwork(options.online ?? true);
  const session = new SyncSession({
    relayUrl: relay.url,
    WebSocketPolyfill: WebSocket,
    retry: { delay: 100, maxDelay: 400 },
    ...rest,
    store,
    profileId,
    token: typeof token === 'function' ? token : () => token,
    network: { target: network, isOnline: network.isOnline },
  });
  const statuses: SyncStatus[] = [];
  session.onStatus((status) => statuses.push(status));
  onCleanup(async () => {
    await session.stop();
    await store.closeAll().catch(() => {});
  });
  if (start) session.start();
  return {
    profileId,
    store,
    session,
    network,
    statuses,
    async open(ref) {
      const local = store.open(ref);
      await local.whenLoaded;
      return local.doc;
    },
  };
}

export function states(device: TestDevice): SyncStatus['state'][] {
  return device.statuses.map((s) => s.state);
}

export function waitForState(device: TestDevice, state: SyncStatus['state'], timeout = 15_000): Promise<true> {
  return waitFor(
    () => {
      const status = device.session.status();
      if (status.state !== state) throw new Error(`state is ${status.state}, waiting for ${state}: ${JSON.stringify(status)}`);
      return true as const;
    },
    { timeout },
  );
}

/** Synced, every local edit acknowledged, and every document stored on the relay. */
export async function waitForStored(device: TestDevice, timeout = 15_000): Promise<void> {
  await waitFor(
    () => {
      const s = device.session.status();
      if (s.state !== 'synced' || s.pendingChanges !== 0 || s.unstoredDocs !== 0) throw new Error(`not stored yet: ${JSON.stringify(s)}`);
      return true;
    },
    { timeout },
  );
}

/** The document as the relay has it on disk (null when never written). */
export function storedOnRelay(relay: TestRelay, name: string): Y.Doc | null {
  return new DocumentRows(relay.db).load(name);
}

export async function pendingOf(device: TestDevice, name: string): Promise<number> {
  return (await readDocEntry(device.profileId, name))?.pendingChanges ?? 0;
}
