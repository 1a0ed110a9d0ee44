import * as Y from 'yjs';
import * as v from 'valibot';
import { newId } from '../ids';
import { setText } from './text';
import { plainValue } from './plain';
import { LOCAL_EDIT } from './origin';
import { RecordRefused, type IssueReporter } from './issues';

type AnyRecordSchema = v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>;
export type RecordOf<S extends AnyRecordSchema> = v.InferOutput<S>;
export type NewRecord<S extends AnyRecordSchema> = Omit<v.InferInput<S>, 'id' | 'deleted'>;
export type RecordPatch<S extends AnyRecordSchema> = Partial<Omit<v.InferInput<S>, 'id'>>;

/** Plain JSON view of a stored record; Y.Text fields read as strings, nesting bounded (plain.ts). */
export function plainRecord(id: string, record: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of record.entries()) out[key] = plainValue(value, 1);
  out.id = id;
  return out;
}

/**
 * Records of one kind, each a Y.Map under a random id in a root-level map. Root-level types and
 * random ids are the only shapes that two offline devices can create without one side's content
 * being dropped on merge. Removal is a soft `deleted` flag so a concurrent edit is never lost.
 */
export class Collection<S extends AnyRecordSchema> {
  readonly root: Y.Map<Y.Map<unknown>>;

  constructor(
    readonly doc: Y.Doc,
    readonly name: string,
    readonly schema: S,
    /** Fields two people may edit at once: stored as Y.Text so edits merge character by character. */
    readonly textFields: readonly string[],
    private readonly report: IssueReporter,
  ) {
    this.root = doc.getMap(name);
  }

  /** Every valid record that is not deleted, in insertion-independent id order. */
  list(): RecordOf<S>[] {
    const out: RecordOf<S>[] = [];
    for (const id of [...this.root.keys()].sort()) {
      const record = this.get(id);
      if (record && !(record as { deleted?: boolean }).deleted) out.push(record);
    }
    return out;
  }

  /** A valid record (deleted ones included), or null when missing or malformed. */
  get(id: string): RecordOf<S> | null {
    const stored = this.root.get(id);
    if (!(stored instanceof Y.Map)) {
      if (stored !== undefined) this.report({ collection: this.name, id, problem: 'not a record' });
      return null;
    }
    const parsed = v.safeParse(this.schema, plainRecord(id, stored));
    if (!parsed.success) {
      const problem = parsed.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`).join('; ');
      this.report({ collection: this.name, id, problem });
      return null;
    }
    return parsed.output;
  }

  /**
   * Adds a record; throws RecordRefused, writing nothing, when it would not read back (a title over
   * its limit, a wrong value): a write that would vanish from every list is refused out loud.
   */
  add(fields: NewRecord<S>, id: string = newId()): string {
    this.check(id, { ...fields, id, deleted: false });
    this.doc.transact(() => {
      const record = new Y.Map<unknown>();
      this.root.set(id, record);
      this.write(record, { ...fields, deleted: false });
      // Every text field gets its Y.Text now, with the record. Made later by the first edit, two
      // devices editing offline would each create one under the same key and one text would be lost.
      for (const key of this.textFields) if (!record.has(key)) record.set(key, new Y.Text());
    }, LOCAL_EDIT);
    return id;
  }

  /** Changes fields of a record; throws RecordRefused, writing nothing, when the result would not read back. */
  update(id: string, patch: RecordPatch<S>): boolean {
    const record = this.root.get(id);
    if (!(record instanceof Y.Map)) return false;
    const merged: Record<string, unknown> = plainRecord(id, record);
    for (const [key, value] of Object.entries(patch)) if (value !== undefined && key !== 'id') merged[key] = value;
    this.check(id, merged);
    this.doc.transact(() => this.write(record, patch), LOCAL_EDIT);
    return true;
  }

  private check(id: string, record: Record<string, unknown>): void {
    const parsed = v.safeParse(this.schema, record);
    if (!parsed.success) {
      throw new RecordRefused(this.name, id, parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })));
    }
  }

  remove(id: string): boolean {
    return this.update(id, { deleted: true } as RecordPatch<S>);
  }

  private write(record: Y.Map<unknown>, fields: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(fields)) {
      if (key === 'id' || value === undefined) continue;
      if (this.textFields.includes(key) && typeof value === 'string') {
        const existing = record.get(key);
        if (existing instanceof Y.Text) setText(existing, value);
        else record.set(key, new Y.Text(value));
      } else {
        // Arrays and objects are stored as plain JSON values: replaced whole, last writer wins.
        record.set(key, value);
      }
    }
  }
}
