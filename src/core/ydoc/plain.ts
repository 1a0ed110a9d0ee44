import * as Y from 'yjs';

/**
 * Pathbook writes records as a Y.Map of plain values and Y.Text (depth 3 from the root); the relay
 * refuses updates nesting types deeper than 16. Anything deeper than this was planted (or stored
 * before that check) and reads as TOO_DEEP, which no record schema accepts.
 */
export const MAX_READ_DEPTH = 32;

/** Stands in for a value nested past MAX_READ_DEPTH: an object no schema field accepts. */
export const TOO_DEEP: Readonly<Record<string, never>> = Object.freeze(Object.create(null) as Record<string, never>);

/**
 * Plain JSON of a value read from a document (Y.Text as a string), without unbounded recursion:
 * Yjs' own `toJSON()` recurses through nested types and a 20,000-deep Y.Map overflows the stack.
 * Types Pathbook never writes (XML, sub-documents) read as TOO_DEEP too.
 */
export function plainValue(value: unknown, depth = 0): unknown {
  if (value instanceof Y.Text) return value.toString();
  if (!(value instanceof Y.AbstractType)) return value;
  if (depth >= MAX_READ_DEPTH) return TOO_DEEP;
  if (value instanceof Y.Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value.entries()) out[k] = plainValue(v, depth + 1);
    return out;
  }
  if (value instanceof Y.Array) return value.toArray().map((v) => plainValue(v, depth + 1));
  return TOO_DEEP;
}
