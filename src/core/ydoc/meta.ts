import * as Y from 'yjs';
import { docName, parseDocName, type DocRef } from '../doc-names';
import { SYSTEM_WRITE } from './origin';

/**
 * The document schema this build of Pathbook reads and writes. A device that meets a document
 * with a higher number was written by a newer Pathbook: it opens it read-only and asks for an
 * update rather than writing fields it does not understand.
 */
export const SCHEMA_VERSION = 1;

export interface DocMeta {
  name: string | null;
  schema: number | null;
  createdAt: number | null;
}

export function readMeta(doc: Y.Doc): DocMeta {
  const meta = doc.getMap<unknown>('meta');
  const name = meta.get('name');
  const schema = meta.get('schema');
  const createdAt = meta.get('createdAt');
  return {
    name: typeof name === 'string' ? name : null,
    schema: typeof schema === 'number' && Number.isInteger(schema) ? schema : null,
    createdAt: typeof createdAt === 'number' ? createdAt : null,
  };
}

/**
 * Written once, by the one place that creates a document (the teacher's device for a class made
 * offline, or the relay at enrolment), never as a default on open: a stale device writing
 * defaults before it has synced would revert newer work.
 */
export function initMeta(doc: Y.Doc, ref: DocRef, now = Date.now()): void {
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta');
    meta.set('name', docName(ref));
    meta.set('kind', ref.kind);
    meta.set('schema', SCHEMA_VERSION);
    meta.set('createdAt', now);
  }, SYSTEM_WRITE);
}

export type WriteAccess = 'writable' | 'newer-schema';

/** Whether this build may write into the document (an unknown or missing version is treated as ours). */
export function writeAccess(doc: Y.Doc): WriteAccess {
  const { schema } = readMeta(doc);
  return schema !== null && schema > SCHEMA_VERSION ? 'newer-schema' : 'writable';
}

export function metaRef(doc: Y.Doc): DocRef | null {
  return parseDocName(readMeta(doc).name);
}
