import * as Y from 'yjs';
import { Database } from '@hocuspocus/extension-database';
import type { Db } from './db/open';
import { encodeStoredMessage, storedMessageFor } from './stored-message';

/** The documents table: the whole Yjs state of each document, as Hocuspocus' Database extension writes it. */
export class DocumentRows {
  private readonly readStmt;
  private readonly writeStmt;

  constructor(db: Db) {
    this.readStmt = db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?');
    this.writeStmt = db.prepare(
      'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
    );
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
 * Loads and stores documents through the Database extension. After each write, the document's
 * connections get a "stored" message for exactly the state written (see stored-message.ts): until
 * then an acknowledged update may still be only in memory.
 */
export function persistence(rows: DocumentRows): Database {
  return new Database({
    fetch: async ({ documentName }) => rows.read(documentName),
    store: async ({ documentName, state, document }) => {
      const message = encodeStoredMessage(storedMessageFor(state));
      rows.write(documentName, state);
      document.broadcastStateless(message);
    },
  });
}
