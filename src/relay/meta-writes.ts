import * as Y from 'yjs';
import { structLookup, type Struct } from './nesting-depth';

/**
 * The values an update (not yet applied) newly writes under the root map `meta`, per key. A map
 * entry set over an earlier one does not carry its parent or key: both come from its origin (the
 * entry it replaces), which may be in the update or already in the document.
 */
export function metaWrites(structs: readonly Struct[], doc: Y.Doc): Map<string, unknown[]> {
  const { inUpdate, inDoc } = structLookup(structs, doc);
  const meta = doc.share.get('meta') ?? null;
  const writes = new Map<string, unknown[]>();
  for (const s of structs) {
    if (!(s instanceof Y.Item) || inDoc(s.id)) continue;
    // Walk origins to the entry that names its parent and key (bounded: a map key's entries form one chain).
    let item: Y.Item | null = s;
    let key: string | null = null;
    for (let steps = 0; item && steps < 10_000; steps++) {
      const parent = item.parent as unknown;
      if (parent instanceof Y.AbstractType) {
        key = parent === meta ? item.parentSub : null;
        break;
      }
      if (typeof parent === 'string') {
        key = parent === 'meta' ? item.parentSub : null;
        break;
      }
      if (parent !== null) break; // an ID: inside a nested type, not a meta entry
      const origin: Y.ID | null = item.origin ?? item.rightOrigin;
      item = origin ? (inDoc(origin) ?? inUpdate(origin)) : null;
    }
    if (key === null) continue;
    const values = s.content instanceof Y.ContentAny ? s.content.arr : s.content.getContent();
    const list = writes.get(key) ?? [];
    list.push(...values);
    writes.set(key, list);
  }
  return writes;
}
