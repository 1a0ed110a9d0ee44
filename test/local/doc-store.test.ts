import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { docName, planDocument, readMeta, SCHEMA_VERSION, type DocRef } from '../../src/core';
import { DocStore } from '../../src/local/doc-store';
import { readDocEntry } from '../../src/local/bookkeeping';
import { docDbName } from '../../src/local/idb';
import { profileId, rawRows, sleep, waitUntil } from './helpers';

const ref: DocRef = { kind: 'plan', classId: 'class1', studentId: 'stud1' };
const name = docName(ref);
const stores: DocStore[] = [];
function newStore(id: string): DocStore {
  const store = new DocStore(id);
  stores.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.closeAll()));
});

function addGoal(doc: Y.Doc, title: string): string {
  return planDocument(doc).goals.add({ title, startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 });
}
function goalTitles(doc: Y.Doc): string[] {
  return planDocument(doc).goals.list().map((g) => g.title).sort();
}

describe('DocStore persistence', () => {
  it('writes each edit to IndexedDB without waiting for close', async () => {
    const pid = profileId();
    const local = newStore(pid).open(ref);
    await local.whenLoaded;
    addGoal(local.doc, 'Fractions');
    await sleep(30);
    const { values } = await rawRows(docDbName(pid, name));
    const copy = new Y.Doc();
    for (const v of values) Y.applyUpdate(copy, v as Uint8Array);
    expect(goalTitles(copy)).toEqual(['Fractions']);
  });

  it('finds everything after closing and reopening with a new store and a new Y.Doc', async () => {
    const pid = profileId();
    const first = newStore(pid);
    const local = first.open(ref);
    await local.whenLoaded;
    addGoal(local.doc, 'Fractions');
    planDocument(local.doc).reflections.add({ at: 5, did: 'read two chapters' });
    await first.closeAll();
    expect(first.get(name)).toBeUndefined();

    const reopened = newStore(pid).open(ref);
    expect(reopened.doc).not.toBe(local.doc);
    const report = await reopened.whenLoaded;
    expect(report).toMatchObject({ damagedUpdates: 0, failed: null });
    expect(goalTitles(reopened.doc)).toEqual(['Fractions']);
    expect(planDocument(reopened.doc).reflections.list()[0]?.did).toBe('read two chapters');
  });

  it('keeps edits made before the stored data finished loading, alongside the stored ones', async () => {
    const pid = profileId();
    const first = newStore(pid);
    const created = first.create(ref);
    addGoal(created.doc, 'Before load, new document');
    await first.closeAll();

    const second = newStore(pid);
    const local = second.open(ref);
    addGoal(local.doc, 'Before load, stored document');
    expect(local.unsavedUpdates()).toBe(1);
    await local.whenLoaded;
    await second.closeAll();

    const reopened = newStore(pid).open(ref);
    await reopened.whenLoaded;
    expect(goalTitles(reopened.doc)).toEqual(['Before load, new document', 'Before load, stored document']);
    expect(readMeta(reopened.doc).schema).toBe(SCHEMA_VERSION);
  });

  it('returns the same LocalDoc while open and registers it in the docs table', async () => {
    const pid = profileId();
    const store = newStore(pid);
    const a = store.open(ref);
    expect(store.open(ref)).toBe(a);
    expect(store.get(name)).toBe(a);
    await a.whenLoaded;
    await waitUntil(async () => expect(await readDocEntry(pid, name)).toMatchObject({ kind: 'plan', classId: 'class1', studentId: 'stud1', pendingChanges: 0 }));
  });

  it('keeps documents of different profiles apart', async () => {
    const [p1, p2] = [profileId(), profileId()];
    const one = newStore(p1).open(ref);
    await one.whenLoaded;
    addGoal(one.doc, 'Only for profile one');
    await stores[0]!.closeAll();
    const two = newStore(p2).open(ref);
    await two.whenLoaded;
    expect(goalTitles(two.doc)).toEqual([]);
  });
});

describe('compaction', () => {
  it('keeps the store at a few rows over 20 opens without edits, data intact', async () => {
    const pid = profileId();
    const store = newStore(pid);
    const local = store.open(ref);
    await local.whenLoaded;
    for (let i = 0; i < 8; i++) addGoal(local.doc, `Goal ${i}`);
    await store.closeAll();
    const counts: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = new DocStore(pid);
      const d = s.open(ref);
      await d.whenLoaded;
      expect(goalTitles(d.doc)).toHaveLength(8);
      await s.closeAll();
      counts.push((await rawRows(docDbName(pid, name))).keys.length);
    }
    expect(Math.max(...counts)).toBeLessThanOrEqual(3);
  });

  it('compacts on open once edits have added rows, and stays bounded over sessions with edits', async () => {
    const pid = profileId();
    for (let session = 0; session < 10; session++) {
      const s = new DocStore(pid);
      const d = s.open(ref);
      await d.whenLoaded;
      expect((await rawRows(docDbName(pid, name))).keys.length).toBeLessThanOrEqual(3);
      for (let i = 0; i < 5; i++) addGoal(d.doc, `S${session} G${i}`);
      await s.closeAll();
    }
    const last = newStore(pid).open(ref);
    await last.whenLoaded;
    expect(goalTitles(last.doc)).toHaveLength(50);
    expect((await rawRows(docDbName(pid, name))).keys.length).toBe(1);
  });
});

describe('compaction during a session', () => {
  it('rewrites the store as one row after 500 rows, with nothing lost', async () => {
    const pid = profileId();
    const store = newStore(pid);
    const local = store.open(ref);
    await local.whenLoaded;
    const reflections = planDocument(local.doc).reflections;
    for (let i = 0; i < 520; i++) reflections.add({ at: i, did: `entry ${i}` });
    await store.flush();
    expect((await rawRows(docDbName(pid, name))).keys.length).toBeGreaterThanOrEqual(500);
    await waitUntil(async () => expect((await rawRows(docDbName(pid, name))).keys.length).toBe(1));
    await store.closeAll();
    const reopened = newStore(pid).open(ref);
    await reopened.whenLoaded;
    expect(planDocument(reopened.doc).reflections.list()).toHaveLength(520);
  });
});

describe('schema version and meta', () => {
  it('never writes on open: a new empty document stays empty in memory and on disk', async () => {
    const pid = profileId();
    const local = newStore(pid).open(ref);
    await local.whenLoaded;
    await sleep(20);
    expect(readMeta(local.doc)).toEqual({ name: null, schema: null, createdAt: null });
    expect((await rawRows(docDbName(pid, name))).keys).toEqual([]);
    expect(local.access()).toBe('writable');
  });

  it('create() writes meta once; reopening with create() keeps the original meta', async () => {
    const pid = profileId();
    const store = newStore(pid);
    const created = store.create(ref);
    await created.whenLoaded;
    const meta = readMeta(created.doc);
    expect(meta).toMatchObject({ name, schema: SCHEMA_VERSION });
    await store.closeAll();
    await sleep(5);
    const again = newStore(pid).create(ref);
    await again.whenLoaded;
    expect(readMeta(again.doc)).toEqual(meta);
  });

  it('opens a document of a newer schema read-only and records why', async () => {
    const pid = profileId();
    const store = newStore(pid);
    const local = store.open(ref);
    await local.whenLoaded;
    local.doc.getMap('meta').set('schema', SCHEMA_VERSION + 1);
    await store.closeAll();

    const reopened = newStore(pid).open(ref);
    await reopened.whenLoaded;
    expect(reopened.access()).toBe('newer-schema');
    await waitUntil(async () => expect((await readDocEntry(pid, name))?.readOnlyReason).toBe('newer-schema'));
  });

  it('notices when a sync brings a newer schema into an open document', async () => {
    const pid = profileId();
    const local = newStore(pid).create(ref);
    await local.whenLoaded;
    await stores[0]!.flush();
    expect((await readDocEntry(pid, name))?.readOnlyReason).toBeNull();
    const newer = new Y.Doc();
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(local.doc));
    newer.getMap('meta').set('schema', SCHEMA_VERSION + 1);
    Y.applyUpdate(local.doc, Y.encodeStateAsUpdate(newer), { relay: true });
    expect(local.access()).toBe('newer-schema');
    await stores[0]!.flush();
    expect((await readDocEntry(pid, name))?.readOnlyReason).toBe('newer-schema');
  });
});

describe('y-indexeddb format', () => {
  it('reads what y-indexeddb wrote, and y-indexeddb reads what the store wrote', async () => {
    const pid = profileId();
    const dbName = docDbName(pid, name);
    const legacy = new Y.Doc();
    const persistence = new IndexeddbPersistence(dbName, legacy);
    await persistence.whenSynced;
    addGoal(legacy, 'Written by y-indexeddb');
    await sleep(30);
    await persistence.destroy();

    const store = newStore(pid);
    const local = store.open(ref);
    await local.whenLoaded;
    expect(goalTitles(local.doc)).toEqual(['Written by y-indexeddb']);
    addGoal(local.doc, 'Written by the store');
    await store.closeAll();

    const check = new Y.Doc();
    const reader = new IndexeddbPersistence(dbName, check);
    await reader.whenSynced;
    expect(goalTitles(check)).toEqual(['Written by the store', 'Written by y-indexeddb']);
    await reader.destroy();
  });
});
