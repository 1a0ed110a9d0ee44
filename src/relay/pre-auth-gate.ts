import type { Extension, connectedPayload } from '@hocuspocus/server';

/** What a sync socket may hold before any of its documents is authenticated (see README, settings). */
export interface PreAuthLimits {
  /** Sockets waiting for their first document to be authenticated; past it the oldest is closed. */
  maxSockets: number;
  /** Bytes one such socket may send; past it that socket is closed. */
  maxBytesPerSocket: number;
  /** Bytes all such sockets together may hold; past it the one holding most is closed. */
  maxTotalBytes: number;
  /** Time a socket gets to authenticate a document; then it is closed. */
  timeoutMs: number;
}

export type PreAuthRefusal = 'too-many-sockets' | 'socket-bytes' | 'total-bytes' | 'timeout';

/** One socket's place at the gate: count what it receives until `authenticated()` or `closed()`. */
export interface PreAuthTicket {
  received(bytes: number): void;
  authenticated(): void;
  closed(): void;
}

interface Waiting {
  bytes: number;
  timer: NodeJS.Timeout;
  close(): void;
}

/**
 * Bounds what sockets that have not authenticated anything may make the relay hold: how many,
 * how many bytes each and all together, and for how long. Anyone on the network can open a
 * socket, so a flood of them must cost the relay a fixed amount of memory, never more. When a
 * total is reached the relay closes the socket that holds the most (or the oldest), not the one
 * arriving: a device that authenticates at once holds a few KB for a few ms and is never the one.
 */
export class PreAuthGate {
  private readonly waiting = new Map<object, Waiting>();
  private totalBytes = 0;

  constructor(
    private readonly limits: PreAuthLimits,
    private readonly onRefuse: (reason: PreAuthRefusal) => void = () => {},
  ) {}

  /** How many sockets and bytes wait now (for tests and diagnostics). */
  get usage(): { sockets: number; bytes: number } {
    return { sockets: this.waiting.size, bytes: this.totalBytes };
  }

  /** Admits a new socket; `close` must end it at once (its buffers are then released). */
  admit(close: () => void): PreAuthTicket {
    while (this.waiting.size >= this.limits.maxSockets) this.refuse(this.waiting.keys().next().value!, 'too-many-sockets');
    const key = {};
    const entry: Waiting = {
      bytes: 0,
      timer: setTimeout(() => this.refuse(key, 'timeout'), this.limits.timeoutMs),
      close,
    };
    entry.timer.unref();
    this.waiting.set(key, entry);
    return {
      received: (bytes) => {
        if (!this.waiting.has(key)) return;
        entry.bytes += bytes;
        this.totalBytes += bytes;
        if (entry.bytes > this.limits.maxBytesPerSocket) this.refuse(key, 'socket-bytes');
        while (this.totalBytes > this.limits.maxTotalBytes) this.refuse(this.largest(), 'total-bytes');
      },
      authenticated: () => this.release(key),
      closed: () => this.release(key),
    };
  }

  private largest(): object {
    let largest: object | null = null;
    let most = -1;
    for (const [key, entry] of this.waiting) {
      if (entry.bytes > most) {
        most = entry.bytes;
        largest = key;
      }
    }
    return largest!;
  }

  private refuse(key: object, reason: PreAuthRefusal): void {
    const entry = this.waiting.get(key);
    if (!entry) return;
    this.release(key);
    this.onRefuse(reason);
    entry.close();
  }

  private release(key: object): void {
    const entry = this.waiting.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.totalBytes -= entry.bytes;
    this.waiting.delete(key);
  }
}

/** Hocuspocus context key under which each socket carries its ticket. */
export const PRE_AUTH_CONTEXT_KEY = 'pathbookPreAuth';

/** Tells the gate a socket has a document open: from then on its own limits (maxPayload, Hocuspocus' queue) apply. */
export function preAuthRelease(): Extension {
  return {
    extensionName: 'PathbookPreAuthRelease',
    async connected({ context }: connectedPayload) {
      (context as Record<string, PreAuthTicket | undefined>)[PRE_AUTH_CONTEXT_KEY]?.authenticated();
    },
  };
}
