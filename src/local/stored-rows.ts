import * as Y from 'yjs';
import { STORAGE_LOAD } from './origins';

/** A stored row that could not be applied, with why. */
export interface DamagedRow {
  key: number;
  value: unknown;
  problem: string;
}

/**
 * Key in the custom store of the row our last compaction wrote, with its size and checksum.
 * That row (the bulk of the bytes) is then applied without decoding it first: decoding to rule
 * out damage costs ~60% of applying, a checksum ~6%.
 */
export const COMPACTED = 'pathbook:compacted';

export interface CompactedMark {
  key: number;
  size: number;
  sum: number;
}

/** FNV-1a: not cryptographic, only to notice a row that is not the one we wrote. */
function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

export function compactedMark(key: number, state: Uint8Array): CompactedMark {
  return { key, size: state.length, sum: checksum(state) };
}

function isMarked(key: number, bytes: Uint8Array, mark: unknown): boolean {
  const m = mark as Partial<CompactedMark> | undefined;
  return m?.key === key && m.size === bytes.length && m.sum === checksum(bytes);
}

function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return null;
}

export interface AppliedRows {
  damaged: DamagedRow[];
  /** Bytes that had to be decoded to be checked (everything but our own marked compacted row). */
  checkedBytes: number;
}

/**
 * Applies stored rows to the document in one transaction (origin STORAGE_LOAD) and returns
 * those that could not be applied. Each row not marked as our own compaction is decoded first,
 * so a damaged one (a truncated update would otherwise integrate its structs and then fail on
 * its delete set) never half-applies.
 */
export function applyStoredRows(doc: Y.Doc, keys: readonly number[], values: readonly unknown[], mark?: unknown): AppliedRows {
  const damaged: DamagedRow[] = [];
  const good: { key: number; bytes: Uint8Array }[] = [];
  let checkedBytes = 0;
  keys.forEach((key, i) => {
    const value = values[i];
    const bytes = asBytes(value);
    if (!bytes) return damaged.push({ key, value, problem: `not an update (${typeof value})` });
    if (isMarked(key, bytes, mark)) return good.push({ key, bytes });
    checkedBytes += bytes.length;
    try {
      Y.decodeUpdate(bytes);
      good.push({ key, bytes });
    } catch (error) {
      damaged.push({ key, value, problem: `undecodable update: ${String(error)}` });
    }
  });
  Y.transact(
    doc,
    () => {
      for (const { key, bytes } of good) {
        try {
          Y.applyUpdate(doc, bytes, STORAGE_LOAD);
        } catch (error) {
          damaged.push({ key, value: bytes, problem: `update failed to apply: ${String(error)}` });
        }
      }
    },
    STORAGE_LOAD,
  );
  return { damaged, checkedBytes };
}
