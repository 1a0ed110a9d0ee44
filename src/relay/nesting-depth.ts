import * as Y from 'yjs';

export type Struct = Y.Item | Y.GC | Y.Skip;
type Parent = { kind: 'root' } | { kind: 'type-item'; id: Y.ID } | { kind: 'type'; type: Y.AbstractType<unknown> } | { kind: 'unknown' };

const key = (id: Y.ID) => `${id.client}:${id.clock}`;

/** Finds items by id among an update's structs (not yet applied) and in the document it targets. */
export function structLookup(structs: readonly Struct[], doc: Y.Doc): { inUpdate(id: Y.ID): Y.Item | null; inDoc(id: Y.ID): Y.Item | null } {
  const byClient = new Map<number, Y.Item[]>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    let list = byClient.get(s.id.client);
    if (!list) byClient.set(s.id.client, (list = []));
    list.push(s);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);

  const inUpdate = (id: Y.ID): Y.Item | null => {
    const list = byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const item = list[mid]!;
      if (id.clock < item.id.clock) hi = mid - 1;
      else if (id.clock >= item.id.clock + item.length) lo = mid + 1;
      else return item;
    }
    return null;
  };
  const inDoc = (id: Y.ID): Y.Item | null => {
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    try {
      const found = Y.getItem(doc.store, id);
      return found instanceof Y.Item ? found : null;
    } catch {
      return null;
    }
  };
  return { inUpdate, inDoc };
}

/**
 * How deep the deepest shared type an update creates would sit once applied (a root type is 1, a
 * record's Y.Map under it 2, a Y.Text in that record 3), counting ancestors already in `doc`. Stops
 * counting past `limit`. Iterative throughout: the point is to refuse 20,000-deep nesting, which
 * recursion would not survive. An item whose parent is neither in the update nor in the document
 * (Yjs keeps it pending) counts as if under a root type; readers bound their own depth too.
 */
export function updateNestingDepth(structs: readonly Struct[], doc: Y.Doc, limit: number): number {
  const { inUpdate, inDoc } = structLookup(structs, doc);

  /** Depth of a type already in the document, counted up to `limit + 1`. */
  const integratedDepth = (type: Y.AbstractType<unknown>): number => {
    let depth = 1;
    let t = type;
    while (t._item && depth <= limit) {
      depth++;
      t = t._item.parent as Y.AbstractType<unknown>;
    }
    return depth;
  };

  // Where an update's item sits: its own parent field, or (when it has an origin) its origin's.
  const parents = new Map<string, Parent>();
  const parentOf = (start: Y.Item): Parent => {
    const seen: string[] = [];
    let item: Y.Item | null = start;
    let found: Parent = { kind: 'unknown' };
    while (item) {
      const cached = parents.get(key(item.id));
      if (cached) {
        found = cached;
        break;
      }
      if (item.parent instanceof Y.AbstractType) {
        found = { kind: 'type', type: item.parent };
        break;
      }
      seen.push(key(item.id));
      const p = item.parent as unknown;
      if (typeof p === 'string') {
        found = { kind: 'root' };
        break;
      }
      if (p instanceof Y.ID) {
        found = { kind: 'type-item', id: p };
        break;
      }
      const next: Y.ID | null = item.origin ?? item.rightOrigin;
      item = next ? (inDoc(next) ?? inUpdate(next)) : null;
    }
    for (const k of seen) parents.set(k, found);
    return found;
  };

  // Depth of the type held by a type item, climbing through the update, then the document.
  const depths = new Map<string, number>();
  const typeDepth = (id: Y.ID): number => {
    const path: string[] = [];
    let current: Y.ID = id;
    let base: number;
    for (;;) {
      const cached = depths.get(key(current));
      if (cached !== undefined) {
        base = cached;
        break;
      }
      if (path.length > limit) return limit + 1;
      const existing = inDoc(current);
      if (existing) {
        base = existing.content instanceof Y.ContentType ? integratedDepth(existing.content.type as Y.AbstractType<unknown>) : 1;
        break;
      }
      const item = inUpdate(current);
      if (!item) {
        base = 1;
        break;
      }
      path.push(key(current));
      const parent = parentOf(item);
      if (parent.kind === 'type-item') {
        current = parent.id;
        continue;
      }
      base = parent.kind === 'type' ? integratedDepth(parent.type) : 1;
      break;
    }
    for (let i = path.length - 1; i >= 0; i--) depths.set(path[i]!, base + (path.length - i));
    return depths.get(key(id)) ?? base;
  };

  let deepest = 1;
  for (const s of structs) {
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentType)) continue;
    deepest = Math.max(deepest, typeDepth(s.id));
    if (deepest > limit) return deepest;
  }
  return deepest;
}
