import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { parseStoredMessage, storedCovers, type StoredMessage } from '../../../src/protocol/stored-message';
import { contentHash, sameStateVector } from './digest';
import { countingWebSocket, type ByteCounter } from './counting-websocket';
import type { Expected, School } from './school';

/** One document on one device: its replica, its provider, and what happened to it. */
interface FleetReplica {
  device: string;
  name: string;
  doc: Y.Doc;
  expected: Expected;
  provider: HocuspocusProvider | null;
  /** When the replica first held every edit of every device (performance.now()). */
  reachedAt: number | null;
  stored: { at: number; message: StoredMessage }[];
  storedChecked: number;
  storedAt: number | null;
  refused: string | null;
}

const holdsAll = (doc: Y.Doc, expected: Expected) => [...expected.sv].every(([client, clock]) => Y.getState(doc.store, client) >= clock);

/** The app's sync session default (src/sync/sync-session.ts batchSize). */
const ATTACH_WINDOW = 25;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Every device of the school, each with its replicas already holding the baseline and its own
 * offline week (as y-indexeddb would have them), ready to connect all at once.
 */
export class Fleet {
  readonly counter: ByteCounter = { up: 0, down: 0, sockets: 0 };
  private readonly devices: { label: string; token: string; replicas: FleetReplica[] }[];
  private readonly sockets: HocuspocusProviderWebsocket[] = [];
  private t0 = 0;

  constructor(school: School, tokens: Map<string, string>) {
    this.devices = school.devices.map((spec) => ({
      label: spec.label,
      token: tokens.get(spec.label)!,
      replicas: spec.replicas.map((r) => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, school.baseline.get(r.name)!);
        if (r.edits) Y.applyUpdate(doc, r.edits);
        const replica: FleetReplica = {
          device: spec.label, name: r.name, doc, expected: school.expected.get(r.name)!, provider: null,
          reachedAt: null, stored: [], storedChecked: 0, storedAt: null, refused: null,
        };
        if (holdsAll(doc, replica.expected)) replica.reachedAt = 0;
        doc.on('update', () => {
          if (replica.reachedAt === null && holdsAll(doc, replica.expected)) replica.reachedAt = performance.now();
        });
        return replica;
      }),
    }));
  }

  get deviceCount(): number {
    return this.devices.length;
  }

  private *replicas(): Generator<FleetReplica> {
    for (const d of this.devices) yield* d.replicas;
  }

  /**
   * Opens every device's socket and its documents in one go, as the app's sync session does
   * (src/sync: no awareness, at most ATTACH_WINDOW documents waiting for the relay's answer per
   * socket); returns the start time.
   */
  connect(syncUrl: string): number {
    const WebSocketPolyfill = countingWebSocket(this.counter);
    this.t0 = performance.now();
    for (const device of this.devices) {
      const socket = new HocuspocusProviderWebsocket({ url: syncUrl, WebSocketPolyfill, delay: 200, minDelay: 200, maxDelay: 2_000 });
      this.sockets.push(socket);
      const queue = [...device.replicas];
      let waiting = 0;
      const attachMore = () => {
        while (waiting < ATTACH_WINDOW && queue.length > 0) {
          waiting++;
          queue.shift()!.provider!.attach();
        }
      };
      const answered = () => {
        waiting--;
        attachMore();
      };
      for (const replica of device.replicas) {
        replica.provider = new HocuspocusProvider({
          websocketProvider: socket,
          name: replica.name,
          document: replica.doc,
          token: device.token,
          awareness: null,
          onAuthenticated: answered,
          onAuthenticationFailed: ({ reason }) => {
            replica.refused = reason;
            answered();
          },
          onStateless: ({ payload }) => {
            const message = parseStoredMessage(payload);
            if (message) replica.stored.push({ at: performance.now(), message });
          },
        });
      }
      attachMore();
    }
    return this.t0;
  }

  private refusals(): string[] {
    return [...this.replicas()].filter((r) => r.refused !== null).map((r) => `${r.device} ${r.name}: ${r.refused}`);
  }

  /**
   * Converged: every replica on every device holds the state vector of the baseline merged with
   * every device's edits to that document, and every provider is synced with no change the relay
   * has not acknowledged. Returns ms since connect() for the last device and for each device.
   */
  async whenConverged(timeoutMs: number): Promise<{ ms: number; deviceMs: number[]; bytes: ByteCounter }> {
    const deadline = this.t0 + timeoutMs;
    const doneAt = new Map<string, number>();
    for (;;) {
      const refused = this.refusals();
      if (refused.length) throw new Error(`the relay refused ${refused.length} documents, e.g. ${refused[0]}`);
      const now = performance.now();
      for (const device of this.devices) {
        if (doneAt.has(device.label)) continue;
        if (device.replicas.every((r) => r.reachedAt !== null && r.provider!.synced && r.provider!.unsyncedChanges === 0)) doneAt.set(device.label, now);
      }
      if (doneAt.size === this.devices.length) {
        const deviceMs = [...doneAt.values()].map((t) => t - this.t0).sort((a, b) => a - b);
        return { ms: now - this.t0, deviceMs, bytes: { ...this.counter } };
      }
      if (now > deadline) throw new Error(`not converged after ${timeoutMs} ms: ${this.devices.length - doneAt.size} devices behind`);
      await sleep(5);
    }
  }

  /** Every replica has received a "stored" message covering all it holds; ms since connect() to the last one. */
  async whenStored(timeoutMs: number): Promise<number> {
    const deadline = this.t0 + timeoutMs;
    for (;;) {
      let pending = 0;
      let last = 0;
      for (const r of this.replicas()) {
        while (r.storedAt === null && r.storedChecked < r.stored.length) {
          const { at, message } = r.stored[r.storedChecked++]!;
          if (storedCovers(message, r.doc)) r.storedAt = at;
        }
        if (r.storedAt === null) pending++;
        else last = Math.max(last, r.storedAt);
      }
      if (pending === 0) return last - this.t0;
      if (performance.now() > deadline) throw new Error(`${pending} replicas had no covering "stored" message after ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  /** Problems found comparing every replica with the expected state vector and content (empty when all match). */
  verifyReplicas(): string[] {
    const problems: string[] = [];
    for (const r of this.replicas()) {
      if (!sameStateVector(Y.decodeStateVector(Y.encodeStateVector(r.doc)), r.expected.sv)) problems.push(`${r.device} ${r.name}: state vector differs`);
      else if (contentHash(r.doc) !== r.expected.content) problems.push(`${r.device} ${r.name}: content differs`);
    }
    return problems;
  }

  close(): void {
    for (const r of this.replicas()) {
      r.provider?.destroy();
      r.doc.destroy();
    }
    for (const s of this.sockets) s.destroy();
  }
}
