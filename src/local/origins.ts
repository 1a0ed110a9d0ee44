import * as Y from 'yjs';
import { LOCAL_EDIT } from '../core';

/** Origin of updates read back from this device's storage: never written again, never counted as an edit. */
export const STORAGE_LOAD = Object.freeze({ pathbook: 'storage-load' });

/** Origin of updates another tab of this browser sent over the BroadcastChannel: never sent back. */
export const OTHER_TAB = Object.freeze({ pathbook: 'other-tab' });

/**
 * Whether an update is an edit by the person on this device, which the relay still has to receive:
 * core's LOCAL_EDIT, a transaction without origin (app code that did not name one), or undo/redo
 * (Y.UndoManager uses itself as origin). Loads, other tabs, core's SYSTEM_WRITE and sync providers
 * (any other origin object) are not counted.
 */
export function countsAsLocalEdit(origin: unknown): boolean {
  return origin === LOCAL_EDIT || origin === null || origin === undefined || origin instanceof Y.UndoManager;
}

/**
 * Whether a transaction changed the document (what makes Yjs emit 'update'). Listening with
 * 'afterTransaction' and this check, instead of 'update', spares Yjs from encoding every
 * transaction as an update: while a document loads, that re-encoding is ~40% of the load time.
 */
export function transactionChanged(tr: Y.Transaction): boolean {
  if (tr.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of tr.afterState) if ((tr.beforeState.get(client) ?? 0) !== clock) return true;
  return false;
}

/** Calls `listener` with the origin of every transaction that changed the document; returns the unsubscribe. */
export function onDocChange(doc: Y.Doc, listener: (origin: unknown) => void): () => void {
  const handler = (tr: Y.Transaction) => {
    if (transactionChanged(tr)) listener(tr.origin);
  };
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}
