import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { parseStoredMessage, storedCovers, type StoredMessage } from '../../src/protocol/stored-message';
import { docName, newId } from '../../src/core';
import { onCleanup, waitFor } from './wait';

/** Real HocuspocusProviders over real WebSockets, as the app's devices use them. */

export type Outcome = { kind: 'authenticated'; scope: string } | { kind: 'refused'; reason: string };

export interface DocConnection {
  name: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  outcome: Promise<Outcome>;
  stored: StoredMessage[];
  /** Sync-status replies: true when the relay applied an update, false when it refused it (read-only). */
  syncStatuses: boolean[];
  /** Resolves once synced and every local change is acknowledged. */
  whenSynced(timeout?: number): Promise<void>;
  /** Resolves once a "stored" message covers everything this replica holds. */
  whenStored(timeout?: number): Promise<StoredMessage>;
}

export interface TestDevice {
  socket: HocuspocusProviderWebsocket;
  open(name: string, token: string, doc?: Y.Doc): DocConnection;
  close(): void;
}

const SYNC_STATUS = 8;

/** One device: one socket shared by its documents (each provider must `attach()`). */
export function newDevice(relay: { wsUrl: string } | string): TestDevice {
  const url = typeof relay === 'string' ? relay : relay.wsUrl;
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 500 });
  const providers: HocuspocusProvider[] = [];
  let closed = false;
  const device: TestDevice = {
    socket,
    open(name, token, doc = new Y.Doc()) {
      const stored: StoredMessage[] = [];
      const syncStatuses: boolean[] = [];
      let settle: (o: Outcome) => void = () => {};
      const outcome = new Promise<Outcome>((r) => (settle = r));
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        token,
        onAuthenticated: ({ scope }) => settle({ kind: 'authenticated', scope }),
        onAuthenticationFailed: ({ reason }) => settle({ kind: 'refused', reason }),
        onStateless: ({ payload }) => {
          const message = parseStoredMessage(payload);
          if (message) stored.push(message);
        },
      });
      provider.on('message', ({ event }: { event: MessageEvent }) => {
        const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
        decoding.readVarString(decoder);
        if (decoding.readVarUint(decoder) === SYNC_STATUS) syncStatuses.push(decoding.readVarInt(decoder) === 1);
      });
      provider.attach();
      providers.push(provider);
      return {
        name,
        doc,
        provider,
        outcome,
        stored,
        syncStatuses,
        whenSynced: (timeout = 5_000) => waitFor(() => provider.synced && provider.unsyncedChanges === 0, { timeout }).then(() => {}),
        whenStored: (timeout = 8_000) => waitFor(() => stored.find((m) => storedCovers(m, doc)), { timeout }),
      };
    },
    close() {
      if (closed) return;
      closed = true;
      for (const p of providers) p.destroy();
      socket.destroy();
    },
  };
  onCleanup(() => device.close());
  return device;
}

/** Opens one document and waits for the relay's answer. */
export async function connectDoc(relay: { wsUrl: string }, name: string, token: string, doc?: Y.Doc): Promise<DocConnection & { result: Outcome }> {
  const conn = newDevice(relay).open(name, token, doc);
  return { ...conn, result: await conn.outcome };
}

/** A well-behaved client still gets served: opens a class document as its teacher and syncs an edit. */
export async function assertServes(
  relay: { wsUrl: string; hocuspocus: { documents: Map<string, Y.Doc> } },
  teacher: { token: string },
  classId: string,
): Promise<void> {
  const conn = await connectDoc(relay, docName({ kind: 'class', classId }), teacher.token);
  if (conn.result.kind !== 'authenticated') throw new Error(`relay refused a good client: ${JSON.stringify(conn.result)}`);
  await conn.whenSynced();
  const marker = newId();
  conn.doc.getMap('probe').set(marker, true);
  await waitFor(() => relay.hocuspocus.documents.get(conn.name)?.getMap('probe').get(marker) === true);
}
