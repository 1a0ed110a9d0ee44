import * as Y from 'yjs';
import { LOCAL_EDIT } from '../../core/ydoc/origin';

/** Every root type of a plan document a student edits (see planDocument in src/core). */
export const PLAN_ROOTS = [
  'profile', 'profileItems', 'goals', 'progress', 'statusChanges', 'projects', 'milestones', 'evidence', 'reflections', 'selfAssessments',
] as const;

const managers = new WeakMap<Y.Doc, Y.UndoManager>();

/**
 * The undo history of this person's edits to a plan document. Only transactions with origin
 * LOCAL_EDIT are tracked: what arrives from the relay (a teacher's edit) or from another tab has
 * other origins and is never undone. One manager per document, shared by every screen.
 */
export function planUndo(doc: Y.Doc): Y.UndoManager {
  let manager = managers.get(doc);
  if (!manager) {
    const scope = PLAN_ROOTS.map((name) => doc.getMap(name));
    // Edits less than a second apart (typing a sentence) are undone together.
    manager = new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 1000 });
    managers.set(doc, manager);
  }
  return manager;
}
