/**
 * Tabs of one browser do not see each other's edits through IndexedDB until they reload, so
 * every tab's DocStore for a profile joins the channel `pathbook:<profileId>`:
 * - `update`: an update of a document (with the sender's state vector when it answers a hello,
 *   so the other side can send back what the sender lacks);
 * - `hello`: a tab finished loading a document and gives its state vector; tabs holding that
 *   document answer with what it misses (edits they made after it read the store);
 * - `removed`: the profile is being removed; every tab closes its documents.
 */
export type TabMessage =
  | { type: 'update'; name: string; update: Uint8Array; sv?: Uint8Array }
  | { type: 'hello'; name: string; sv: Uint8Array }
  | { type: 'removed' };

export function profileChannelName(profileId: string): string {
  return `pathbook:${profileId}`;
}

function isTabMessage(data: unknown): data is TabMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (m.type === 'removed') return true;
  if (typeof m.name !== 'string') return false;
  if (m.type === 'hello') return m.sv instanceof Uint8Array;
  return m.type === 'update' && m.update instanceof Uint8Array && (m.sv === undefined || m.sv instanceof Uint8Array);
}

export class TabBridge {
  private readonly channel: BroadcastChannel | null;

  constructor(profileId: string, onMessage: (message: TabMessage) => void) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(profileChannelName(profileId)) : null;
    if (this.channel) {
      this.channel.onmessage = (event: MessageEvent<unknown>) => {
        if (isTabMessage(event.data)) onMessage(event.data);
      };
    }
  }

  post(message: TabMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel (the page is unloading) drops the message; the other tab still reads the store on its next load.
    }
  }

  close(): void {
    this.channel?.close();
  }
}

/** Tells every tab holding the profile open to close it (used by profile removal). */
export function announceRemoval(profileId: string): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel(profileChannelName(profileId));
  channel.postMessage({ type: 'removed' } satisfies TabMessage);
  channel.close();
}
