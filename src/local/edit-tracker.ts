import { docName, type DocRef } from '../core';
import type { LocalEdits } from './bookkeeping';

/**
 * Counts local edits per document and writes the counts to the registry throttled: the first
 * edit after a quiet spell is written at once (so the fact of a pending change reaches the disk
 * with the edit), later ones at most once per interval. A failed write puts its counts back.
 */
export class EditTracker {
  private pending = new Map<string, LocalEdits>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (edits: LocalEdits[]) => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly intervalMs = 1_000,
  ) {}

  record(name: string, ref: DocRef, at: number): void {
    const current = this.pending.get(name);
    this.pending.set(name, { ref, count: (current?.count ?? 0) + 1, lastAt: at });
    if (!this.timer) void this.flushAndWait();
  }

  /** Writes what is counted now and opens a quiet interval; resolves when everything counted so far is written (or failed). */
  flush(): Promise<void> {
    if (this.pending.size > 0) {
      const batch = [...this.pending.values()];
      this.pending = new Map();
      this.chain = this.chain.then(() =>
        this.write(batch).catch((error: unknown) => {
          for (const edit of batch) this.putBack(edit);
          this.onError(error);
        }),
      );
    }
    return this.chain;
  }

  private flushAndWait(): Promise<void> {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.pending.size > 0) void this.flushAndWait();
    }, this.intervalMs);
    return this.flush();
  }

  private putBack(edit: LocalEdits): void {
    const name = docName(edit.ref);
    const current = this.pending.get(name);
    this.pending.set(name, {
      ref: edit.ref,
      count: edit.count + (current?.count ?? 0),
      lastAt: Math.max(edit.lastAt, current?.lastAt ?? 0),
    });
    // Retried at the end of the current interval, or after one if none is running.
    this.timer ??= setTimeout(() => {
      this.timer = null;
      if (this.pending.size > 0) void this.flushAndWait();
    }, this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
