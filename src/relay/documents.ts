import * as Y from 'yjs';
import type { Hocuspocus } from '@hocuspocus/server';
import { docName, type DocRef } from '../core/doc-names';
import { initMeta, readMeta } from '../core/ydoc/meta';
import type { DocumentRows } from './persistence';

/** Reading documents for the HTTP API, and creating them, without ever going around Hocuspocus. */
export class Documents {
  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly rows: DocumentRows,
  ) {}

  /**
   * A copy of the newest state: the open document if someone is editing it (the table may be up to
   * a debounce behind), else the stored one. Null when the relay has never seen it.
   */
  read(name: string): Y.Doc | null {
    const live = this.hocuspocus.documents.get(name);
    if (live && !live.isLoading) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
      return copy;
    }
    return this.rows.load(name);
  }

  /**
   * Writes a document's meta if nobody has yet (the teacher's device may have made it offline).
   * Only plain meta values, through a direct connection so an open copy is not overwritten and
   * the write is stored at once.
   */
  async ensureCreated(ref: DocRef): Promise<void> {
    const connection = await this.hocuspocus.openDirectConnection(docName(ref), { system: true });
    try {
      await connection.transact((doc) => {
        if (readMeta(doc).name === null) initMeta(doc, ref);
      });
    } finally {
      await connection.disconnect();
    }
  }
}
