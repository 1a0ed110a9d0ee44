import * as Y from 'yjs';
import { Database } from '@hocuspocus/extension-database';
import type {
  Document,
  Hocuspocus,
  afterLoadDocumentPayload,
  beforeUnloadDocumentPayload,
  connectedPayload,
  onConfigurePayload,
} from '@hocuspocus/server';
import type { Db } from './db/open';
import { encodeStoredMessage, storedMessageOf } from '../protocol/stored-message';
import { STORE_FAILED_MESSAGE } from '../protocol/store-failed-message';
import type { StorageHealth } from './storage-health';

/** The documents table: the whole Yjs state of each document, as Hocuspocus' Database extension writes it. */
export class DocumentRows {
  private readonly readStmt;
  private readonly writeStmt;
  private readonly hasStmt;

  constructor(db: Db) {
    this.readStmt = db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?');
    this.hasStmt = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM documents WHERE name = ?');
    this.writeStmt = db.prepare(
      'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
    );
  }

  has(name: string): boolean {
    return this.hasStmt.get(name) !== undefined;
  }

  read(name: string): Uint8Array | null {
    const row = this.readStmt.get(name);
    return row ? new Uint8Array(row.state) : null;
  }

  write(name: string, state: Uint8Array): void {
    this.writeStmt.run(name, Buffer.from(state.buffer, state.byteOffset, state.byteLength), Date.now());
  }

  /** A stored document as a fresh Y.Doc (for reading on the relay), or null. */
  load(name: string): Y.Doc | null {
    const state = this.read(name);
    if (!state) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  }
}

/** First retry of a failed store after this long, doubling up to RETRY_MAX_MS. */
const RETRY_MIN_MS = 250;
/** At most this long between retries: a document is stored within ~4 s of the disk taking writes again. */
const RETRY_MAX_MS = 4_000;

/** Thrown from beforeUnloadDocument to keep an unsaved document in memory (no `message`: Hocuspocus logs nothing). */
const KEEP_IN_MEMORY = Object.freeze({ reason: 'unsaved' });

/**
 * Loads and stores documents through Hocuspocus' Database extension. After each write, the
 * document's connections get a "stored" message for exactly the state written (see
 * stored-message.ts): until then an acknowledged update may still be only in memory. A device
 * that connects gets the last one at once, so a device with nothing new learns it is safe
 * without waiting for someone else's edit to be saved.
 *
 * A failed write (a full disk) loses nothing: Hocuspocus would leave the document unsaved with no
 * retry and unload it when its last connection closes, so the document is kept in memory
 * (beforeUnloadDocument refuses) and stored again with backoff until a write succeeds, with no new
 * edit needed. Its connections are told "store-failed" (store-failed-message.ts), never "stored".
 */
export class Persistence extends Database {
  /** The stored message for the state last loaded or written, per open document. */
  private readonly lastStored = new WeakMap<Document, string>();
  /** Documents whose last store failed: held in memory until a retry writes them. */
  private readonly unsaved = new Set<Document>();
  private instance: Hocuspocus | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = RETRY_MIN_MS;
  private stopped = false;

  constructor(
    private readonly rows: DocumentRows,
    private readonly health: StorageHealth,
  ) {
    super({
      fetch: async ({ documentName }) => rows.read(documentName),
      store: async ({ documentName, state, document }) => {
        // The extension encoded `state` from `document` just before calling this, with no await
        // in between: the document is exactly what is written, so its snapshot describes it.
        const message = encodeStoredMessage(storedMessageOf(document));
        try {
          rows.write(documentName, state);
        } catch (error) {
          this.storeFailed(document, error);
          // Not rethrown: Hocuspocus would only log it (once per retry); the unsaved set is the record.
          return;
        }
        this.lastStored.set(document, message);
        if (this.unsaved.delete(document)) this.health.setUnsaved(this.unsaved.size);
        this.health.succeeded();
        document.broadcastStateless(message);
      },
    });
  }

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.instance = instance;
  }

  /** Right after loading, before any connection can change it, the document is what is on disk. */
  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    if (this.rows.has(documentName)) this.lastStored.set(document, encodeStoredMessage(storedMessageOf(document)));
    // Loading applied the stored state as one update, which Hocuspocus buffers for broadcast and would
    // send whole to every device that attaches before the buffer empties. Nobody is attached yet, so
    // send it to nobody now: devices get only what they lack through the normal sync exchange.
    document.flush();
  }

  async connected({ connection }: connectedPayload): Promise<void> {
    if (this.unsaved.has(connection.document)) {
      connection.sendStateless(STORE_FAILED_MESSAGE);
      return;
    }
    const message = this.lastStored.get(connection.document);
    if (message) connection.sendStateless(message);
  }

  /** An unsaved document stays in memory, whoever is connected, until a store succeeds. */
  async beforeUnloadDocument({ document }: beforeUnloadDocumentPayload): Promise<void> {
    if (this.unsaved.has(document)) throw KEEP_IN_MEMORY;
  }

  /** Documents held only in memory because storing them failed. */
  unsavedCount(): number {
    return this.unsaved.size;
  }

  /** Tries every unsaved document once more now (shutdown); resolves with how many are still unsaved. */
  async retryNow(): Promise<number> {
    await this.retryUnsaved();
    return this.unsaved.size;
  }

  /** No more retries (the database is about to close). */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private storeFailed(document: Document, error: unknown): void {
    this.health.failed(`document ${document.name.slice(0, 100)}`, error);
    if (!this.unsaved.has(document)) {
      this.unsaved.add(document);
      this.health.setUnsaved(this.unsaved.size);
      document.broadcastStateless(STORE_FAILED_MESSAGE);
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.retryUnsaved().then(() => {
        if (this.unsaved.size === 0) {
          this.retryDelay = RETRY_MIN_MS;
          return;
        }
        this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
        this.scheduleRetry();
      });
    }, this.retryDelay);
    // The retry must not keep a stopping process alive; close() tries once more itself.
    this.retryTimer.unref?.();
  }

  /** Stores each unsaved document through Hocuspocus' own path (its save mutex, then unload if idle). */
  private async retryUnsaved(): Promise<void> {
    const instance = this.instance;
    if (!instance) return;
    await Promise.all(
      [...this.unsaved].map(async (document) => {
        if (instance.documents.get(document.name) !== document) {
          // Replaced or destroyed (cannot happen while beforeUnloadDocument refuses; never retry a dead copy).
          this.unsaved.delete(document);
          return;
        }
        await instance.storeDocumentHooks(
          document,
          {
            instance,
            clientsCount: document.getConnectionsCount(),
            document,
            documentName: document.name,
            lastContext: {},
            lastTransactionOrigin: { source: 'local' },
          },
          true,
        );
      }),
    );
    this.health.setUnsaved(this.unsaved.size);
  }
}
