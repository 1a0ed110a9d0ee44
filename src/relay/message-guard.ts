import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { Extension, beforeHandleAwarenessPayload, beforeHandleMessagePayload } from '@hocuspocus/server';
import type { SyncContext } from './access';
import type { LimitedLog } from './log';
import { metaWrites } from './meta-writes';
import { updateNestingDepth, type Struct } from './nesting-depth';
import { formatRefusal } from '../protocol/refusal';
import { SCHEMA_PARAM } from '../protocol/sync-socket';
import { MAX_CLIENT_SCHEMA, MIN_CLIENT_SCHEMA } from './schema-version';

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a frame carries (sync step 2 or update), null when it carries none; throws when it does not decode. */
function updateIn(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(decoder);
}

/** Null when the frame's Yjs update (if it carries one) decodes; otherwise what is wrong. */
export function malformedUpdate(frame: Uint8Array): string | null {
  try {
    const update = updateIn(frame);
    if (update) Y.decodeUpdate(update);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface GuardLimits {
  /** Deepest shared type a document may hold (a record's Y.Text is 3). */
  maxNestingDepth: number;
  /** Largest a document may grow (its encoded state), in bytes. */
  maxDocumentBytes: number;
}

type Refusal = { code: number; reason: string; message: string };

const refusal = (code: number, reason: string, message: string): Refusal => ({ code, reason, message });

/**
 * What may be written under `meta`: `schema` only as a version the writer itself runs (so a
 * student cannot mark their plan as written by a future Pathbook, which turns every other copy
 * read-only), and `name` and `kind` only once (they say which document this is).
 */
function metaProblem(writes: Map<string, unknown[]>, doc: Y.Doc, clientSchema: number): string | null {
  const meta = doc.getMap<unknown>('meta');
  for (const value of writes.get('schema') ?? []) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_CLIENT_SCHEMA || value > clientSchema) {
      return `meta.schema may only be set to this device's own schema (${clientSchema}), not ${JSON.stringify(value)?.slice(0, 40)}`;
    }
  }
  for (const key of ['name', 'kind']) {
    const current = meta.get(key);
    for (const value of writes.get(key) ?? []) {
      if (current !== undefined && value !== current) return `meta.${key} is fixed once a document exists`;
    }
  }
  return null;
}

/**
 * Checks every incoming Yjs update whole before Hocuspocus applies it, and refuses it whole
 * (closing that document's connection with a reason) when it does not decode, nests shared types
 * deeper than any Pathbook record, writes a bogus `meta`, or would grow the document past its cap.
 * Read-only connections are left to Hocuspocus, which drops their updates anyway.
 * Awareness (cursors, presence) is not used by Pathbook: every awareness update is emptied.
 */
export function messageGuard(deps: { limits: GuardLimits; log: LimitedLog | null }): Extension {
  // What each open document weighs, estimated from its size on first sight plus what was accepted
  // since; measured again (once) when the estimate passes the cap, so a flood costs no re-encoding.
  const sizes = new WeakMap<Y.Doc, { bytes: number; exact: boolean }>();
  const sizeOf = (doc: Y.Doc) => {
    let size = sizes.get(doc);
    if (!size) sizes.set(doc, (size = { bytes: Y.encodeStateAsUpdate(doc).length, exact: true }));
    return size;
  };

  const check = (frame: Uint8Array, doc: Y.Doc, clientSchema: number): Refusal | null => {
    let update: Uint8Array | null;
    let structs: Struct[];
    try {
      update = updateIn(frame);
      if (!update) return null;
      structs = Y.decodeUpdate(update).structs;
    } catch (error) {
      return refusal(4400, 'malformed-update', `malformed update: ${error instanceof Error ? error.message : String(error)}`);
    }
    const depth = updateNestingDepth(structs, doc, deps.limits.maxNestingDepth);
    if (depth > deps.limits.maxNestingDepth) {
      return refusal(4400, 'too-deep', `nests shared types at least ${deps.limits.maxNestingDepth + 1} deep (limit ${deps.limits.maxNestingDepth})`);
    }
    const meta = metaProblem(metaWrites(structs, doc), doc, clientSchema);
    if (meta) return refusal(4403, 'meta-refused', meta);
    const size = sizeOf(doc);
    if (size.bytes + update.length > deps.limits.maxDocumentBytes && !size.exact) {
      size.bytes = Y.encodeStateAsUpdate(doc).length;
      size.exact = true;
    }
    if (size.bytes + update.length > deps.limits.maxDocumentBytes) {
      return refusal(4413, 'document-too-large', `This document has reached the school server's limit of ${deps.limits.maxDocumentBytes} bytes; nothing more can be added to it.`);
    }
    size.bytes += update.length;
    size.exact = false;
    return null;
  };

  return {
    extensionName: 'PathbookMessageGuard',
    priority: 900,
    async beforeHandleMessage({ update: frame, document, documentName, connection, requestParameters, context }: beforeHandleMessagePayload) {
      // A token is checked when a document is opened; a socket may stay open long after, so every
      // message is checked against its expiry too (the device renews its token and opens again).
      const expiresAt = (context as Partial<SyncContext> | undefined)?.principal?.expiresAt;
      if (expiresAt !== undefined && Date.now() >= expiresAt) {
        deps.log?.warn('refused message (token-expired)', documentName);
        const reason = formatRefusal({ code: 'token-expired', message: 'The sign-in this document was opened with has expired; open it again with the renewed one.' });
        throw Object.assign(new Error('token expired'), { code: 4401, reason });
      }
      if (connection.readOnly) return;
      const declared = Number(requestParameters.get(SCHEMA_PARAM));
      const clientSchema = Number.isInteger(declared) && declared <= MAX_CLIENT_SCHEMA ? declared : MAX_CLIENT_SCHEMA;
      const problem = check(frame, document, clientSchema);
      if (!problem) return;
      deps.log?.warn(`refused update (${problem.reason})`, `${documentName}: ${problem.message}`);
      // Hocuspocus closes this document's connection with `code` and `reason` from what is thrown.
      // The reason is the protocol's `code: sentence` (PROTOCOL.md, "Refused updates").
      throw Object.assign(new Error(problem.message), { code: problem.code, reason: formatRefusal({ code: problem.reason, message: problem.message }) });
    },
    async beforeHandleAwareness({ states }: beforeHandleAwarenessPayload) {
      states.clear();
    },
  };
}
