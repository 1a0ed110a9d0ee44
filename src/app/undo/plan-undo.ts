import * as Y from 'yjs';
import { LOCAL_EDIT, planDocument, rootsOf } from '../../core';

const managers = new WeakMap<Y.Doc, Y.UndoManager>();

/**
 * The undo history of this person's edits to a plan document. The scope is every root type of
 * the plan document's definition (planDocument in src/core), so a collection added there is
 * covered by undo without a list to remember here. Only transactions with origin LOCAL_EDIT are
 * tracked: what arrives from the relay (a teacher's edit) or from another tab has other origins
 * and is never undone. One manager per document, shared by every screen.
 */
export function planUndo(doc: Y.Doc): Y.UndoManager {
  let manager = managers.get(doc);
  if (!manager) {
    // Edits less than a second apart (typing a sentence) are undone together.
    manager = new Y.UndoManager(rootsOf(planDocument(doc)), { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 1000 });
    managers.set(doc, manager);
  }
  return manager;
}
