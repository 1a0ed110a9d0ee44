import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { Extension, beforeHandleMessagePayload } from '@hocuspocus/server';

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Null when the frame's Yjs update (if it carries one) decodes; otherwise what is wrong. */
export function malformedUpdate(frame: Uint8Array): string | null {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
    Y.decodeUpdate(decoding.readVarUint8Array(decoder));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Decodes every incoming Yjs update completely before Hocuspocus applies it: a garbage update is
 * refused whole (that document's connection is closed) instead of being half applied.
 */
export function messageGuard(deps: { quiet: boolean }): Extension {
  return {
    extensionName: 'PathbookMessageGuard',
    priority: 900,
    async beforeHandleMessage({ update, documentName }: beforeHandleMessagePayload) {
      const problem = malformedUpdate(update);
      if (problem === null) return;
      if (!deps.quiet) console.warn(`[pathbook] malformed update for ${documentName}: ${problem}`);
      // Connection closes with `code` and `reason` from what is thrown.
      throw Object.assign(new Error(`malformed update: ${problem}`), { code: 4400, reason: 'malformed-update' });
    },
  };
}
