import * as Y from 'yjs';
import { Database } from '@hocuspocus/extension-database';
import type { Document, afterLoadDocumentPayload, connectedPayload } from '@hocuspocus/server';
import type { Db } from './db/open';
import { encodeStoredMessage, storedMessageOf } from '../protocol/stored-message';

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

/**
 * Loads and stores documents through Hocuspocus' Database extension. After each write, the
 * document's connections get a "stored" message for exactly the state written (see
 * stored-message.ts): until then an acknowledged update may still be only in memory. A device
 * that connects gets the last one at once, so a device with nothing new learns it is safe
 * without waiting for someone else's edit to be saved.
 */
export class Persistence extends Database {
  /** The stored message for the state last loaded or written, per open document. */
  private readonly lastStored = new WeakMap<Document, string>();

  constructor(private readonly rows: DocumentRows) {
    super({
      fetch: async ({ documentName }) => rows.read(documentName),
      store: async ({ documentName, state, document }) => {
        // The extension encoded `state` from `document` just before calling this, with no await
        // in between: the document is exactly what is written, so its snapshot describes it.
        const message = encodeStoredMessage(storedMessageOf(document));
        rows.write(documentName, state);
        this.lastStored.set(document, message);
        document.broadcastStateless(message);
      },
    });
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
    const message = this.lastStored.get(connection.document);
    if (message) connection.sendStateless(message);
  }
}
