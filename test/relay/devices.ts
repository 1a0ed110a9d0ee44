import * as Y from 'yjs';
import { newDevice, waitFor, type DocConnection, type TestDevice } from './helpers';

/** Every root map a Pathbook document may hold, plus the ones tests use. */
const ROOTS = [
  'meta', 'settings', 'teachers', 'students', 'targets', 'catalog', 'groups', 'profile', 'profileItems', 'goals',
  'progress', 'statusChanges', 'projects', 'milestones', 'evidence', 'reflections', 'selfAssessments', 'checkins',
  'nextSteps', 'decisions', 'privateNotes', 'probe',
];

/** JSON with object keys sorted: a Y.Map lists keys in the order its replica received them. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** A document's content as canonical JSON text (Y.Text as strings), for comparing replicas. */
export function contentOf(doc: Y.Doc): string {
  return JSON.stringify(canonical(Object.fromEntries(ROOTS.map((root) => [root, doc.getMap(root).toJSON()]))));
}

export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  const sa = Y.decodeStateVector(Y.encodeStateVector(a));
  const sb = Y.decodeStateVector(Y.encodeStateVector(b));
  return sa.size === sb.size && [...sa].every(([client, clock]) => sb.get(client) === clock);
}

/**
 * A device that keeps its Y.Docs while it goes on and offline (as y-indexeddb would), with one
 * socket per online period.
 */
export class SimDevice {
  readonly docs = new Map<string, Y.Doc>();
  connections: DocConnection[] = [];
  private socket: TestDevice | null = null;

  constructor(
    readonly label: string,
    public token: string,
  ) {}

  doc(name: string): Y.Doc {
    let doc = this.docs.get(name);
    if (!doc) this.docs.set(name, (doc = new Y.Doc()));
    return doc;
  }

  goOnline(relay: { wsUrl: string } | string): void {
    this.goOffline();
    this.socket = newDevice(relay);
    this.connections = [...this.docs].map(([name, doc]) => this.socket!.open(name, this.token, doc));
  }

  async whenSynced(timeout = 10_000): Promise<void> {
    await Promise.all(this.connections.map((c) => c.whenSynced(timeout)));
  }

  async whenStored(timeout = 10_000): Promise<void> {
    await Promise.all(this.connections.map((c) => c.whenStored(timeout)));
  }

  goOffline(): void {
    this.socket?.close();
    this.socket = null;
    this.connections = [];
  }
}

/** Waits until every replica of every document equals the relay's open copy (state and content). */
export async function waitForConvergence(
  devices: SimDevice[],
  relayDoc: (name: string) => Y.Doc | undefined,
  timeout = 10_000,
): Promise<void> {
  await waitFor(
    () => {
      for (const device of devices) {
        for (const [name, doc] of device.docs) {
          const onRelay = relayDoc(name);
          if (!onRelay) throw new Error(`${name} is not open on the relay`);
          if (!sameState(doc, onRelay)) throw new Error(`${device.label}'s ${name} differs from the relay's`);
          const [mine, theirs] = [contentOf(doc), contentOf(onRelay)];
          if (mine !== theirs) throw new Error(`${device.label}'s ${name} content differs:\n${mine}\n${theirs}`);
        }
      }
      return true;
    },
    { timeout },
  );
}
