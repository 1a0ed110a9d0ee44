import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/** What two replicas of a document are compared by: state vector and content. */
export interface DocDigest {
  /** Y.encodeStateVector, base64. */
  sv: string;
  /** sha1 of the canonical JSON of every non-empty root map (all Pathbook roots are Y.Maps). */
  content: string;
}

/** JSON with object keys sorted: a Y.Map lists keys in the order its replica received them. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((k) => [k, canonical(record[k])]));
  }
  return value;
}

export function contentHash(doc: Y.Doc): string {
  const roots: Record<string, unknown> = {};
  // A replica lists a root once something touched it (an accessor, or an update naming it), so
  // empty roots are skipped: only content counts.
  for (const key of [...doc.share.keys()].sort()) {
    const map = doc.getMap(key);
    if (map.size > 0) roots[key] = canonical(map.toJSON());
  }
  return createHash('sha1').update(JSON.stringify(roots)).digest('base64');
}

export function svBase64(sv: Map<number, number>): string {
  return Buffer.from(Y.encodeStateVector(sv)).toString('base64');
}

/** State vectors are encoded in insertion order: compare them as maps. */
export function sameStateVector(a: Map<number, number>, b: Map<number, number>): boolean {
  return a.size === b.size && [...a].every(([client, clock]) => b.get(client) === clock);
}

export function decodeSv(base64: string): Map<number, number> {
  return Y.decodeStateVector(Buffer.from(base64, 'base64'));
}

export function digestOf(doc: Y.Doc): DocDigest {
  return { sv: Buffer.from(Y.encodeStateVector(doc)).toString('base64'), content: contentHash(doc) };
}
