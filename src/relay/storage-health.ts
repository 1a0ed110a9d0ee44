/**
 * Whether the relay can write to its disk, as /api/health and the devices see it. Every write the
 * relay could not make (a document store, a "last seen" update) is reported here; the trouble ends
 * at the first successful document store after the last failed one, and no document is left unsaved.
 */
export interface StorageStatus {
  /** False while a write has failed since the last successful one, or documents are still unsaved. */
  ok: boolean;
  /** Documents held only in memory because storing them failed (retried until they are written). */
  unsavedDocuments: number;
  /** When the current trouble began (ms since epoch), or null. */
  since: number | null;
  /** The last write error's code (e.g. SQLITE_FULL), or null. */
  lastError: string | null;
}

/**
 * SQLite result codes and file-system errors (photos are files) that mean "the disk cannot take
 * this write now", not a bug in the request.
 */
const STORAGE_CODES = /^(SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM)|ENOSPC$|EDQUOT$|EROFS$)/;

export function isStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_CODES.test(code);
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}

export class StorageHealth {
  private failingSince: number | null = null;
  private lastError: string | null = null;
  private unsaved = 0;
  private readonly listeners = new Set<(ok: boolean) => void>();

  constructor(private readonly quiet = false) {}

  /** A write failed: the relay is in trouble until a later write succeeds and nothing is unsaved. */
  failed(what: string, error: unknown): void {
    const wasOk = this.isOk();
    this.lastError = codeOf(error);
    this.failingSince ??= Date.now();
    if (wasOk) {
      if (!this.quiet) console.error(`[pathbook] could not write to disk (${what}): ${this.lastError}. Keeping everything in memory and retrying.`);
      this.emit();
    }
  }

  /** A document store succeeded: the disk takes writes again. */
  succeeded(): void {
    if (this.failingSince === null) return;
    this.failingSince = null;
    if (this.isOk()) this.recovered();
  }

  /** How many documents are waiting for a store retry. */
  setUnsaved(count: number): void {
    const wasOk = this.isOk();
    this.unsaved = count;
    if (!wasOk && this.isOk()) this.recovered();
  }

  isOk(): boolean {
    return this.failingSince === null && this.unsaved === 0;
  }

  status(): StorageStatus {
    return { ok: this.isOk(), unsavedDocuments: this.unsaved, since: this.failingSince, lastError: this.isOk() ? null : this.lastError };
  }

  /** Called with false when trouble begins and true when it is over. */
  onChange(listener: (ok: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private recovered(): void {
    if (!this.quiet) console.log('[pathbook] writing to disk works again; every document held in memory is stored.');
    this.emit();
  }

  private emit(): void {
    const ok = this.isOk();
    for (const listener of this.listeners) listener(ok);
  }
}
