import { UPDATES_STORE } from './idb';

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** Durable even through a power cut: a school's power is not always reliable. */
export const STRICT: IDBTransactionOptions = { durability: 'strict' };

export interface WriteEvents {
  written(rows: number): void;
  failed(error: unknown): void;
}

/**
 * Updates waiting to be appended to a document's updates store. The updates of one task go
 * out in one transaction; a failed write puts them back (they stay in memory, nothing is lost
 * while the page is open) and is retried with backoff.
 */
export class WriteQueue {
  private queue: Uint8Array[] = [];
  private inFlight: Uint8Array[] = [];
  private scheduled = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  private stopped = false;
  private attemptWaiters: (() => void)[] = [];

  constructor(
    private readonly connection: () => IDBDatabase | null,
    private readonly events: WriteEvents,
  ) {}

  /** Updates not yet on disk. */
  get size(): number {
    return this.queue.length + this.inFlight.length;
  }

  push(update: Uint8Array): void {
    this.queue.push(update);
    this.kick();
  }

  /** Starts a write soon unless one is under way or a retry is waiting. */
  kick(): void {
    if (this.scheduled || this.stopped || !this.connection() || this.inFlight.length > 0 || this.retryTimer || this.queue.length === 0) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.write();
    });
  }

  /** Tries to write what is waiting now (skipping any retry delay); resolves true when nothing is left in memory only. */
  async flush(): Promise<boolean> {
    for (let attempt = 0; attempt < 2 && this.size > 0 && this.connection() && !this.stopped; attempt++) {
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = null;
      const settled = new Promise<void>((resolve) => this.attemptWaiters.push(resolve));
      if (this.inFlight.length === 0) this.write();
      await settled;
    }
    return this.size === 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.settle();
  }

  private write(): void {
    const db = this.connection();
    if (this.inFlight.length > 0) return;
    if (!db || this.queue.length === 0) return this.settle();
    const batch = this.queue;
    this.queue = [];
    this.inFlight = batch;
    let tx: IDBTransaction | null = null;
    try {
      tx = db.transaction(UPDATES_STORE, 'readwrite', STRICT);
      const store = tx.objectStore(UPDATES_STORE);
      for (const update of batch) store.add(update);
    } catch (error) {
      if (tx) {
        tx.onabort = null;
        try {
          tx.abort();
        } catch {
          // Already finished: a transaction that threw while being filled committed nothing.
        }
      }
      return this.failed(batch, error);
    }
    const done = tx;
    done.oncomplete = () => {
      this.inFlight = [];
      this.retries = 0;
      this.events.written(batch.length);
      this.settle();
      this.kick();
    };
    done.onabort = () => this.failed(batch, done.error ?? new DOMException('write aborted', 'AbortError'));
  }

  private failed(batch: Uint8Array[], error: unknown): void {
    this.inFlight = [];
    this.queue = batch.concat(this.queue);
    this.events.failed(error);
    this.settle();
    if (this.stopped || !this.connection()) return;
    const delay = RETRY_MS[Math.min(this.retries++, RETRY_MS.length - 1)];
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
  }

  private settle(): void {
    const waiters = this.attemptWaiters;
    this.attemptWaiters = [];
    for (const w of waiters) w();
  }
}
