import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName, planDocument, type DocRef } from '../../src/core';
import { localDb } from '../../src/local/db';
import { DocStore } from '../../src/local/doc-store';
import { docDbName } from '../../src/local/idb';
import { overwriteRawRow, profileId, putRawRow, rawRows } from './helpers';

const ref: DocRef = { kind: 'plan', classId: 'class1', studentId: 'stud1' };
const name = docName(ref);
const stores: DocStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.closeAll()));
});

async function storeWithGoals(pid: string, titles: string[]): Promise<void> {
  const store = new DocStore(pid);
  const local = store.open(ref);
  await local.whenLoaded;
  for (const title of titles) planDocument(local.doc).goals.add({ title, startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 });
  await store.closeAll();
}

function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms))]);
}

/** A real update cut short: its structs decode but its delete set is missing. */
function truncatedUpdate(): Uint8Array {
  const doc = new Y.Doc();
  planDocument(doc).goals.add({ title: 'Half written', startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 });
  const full = Y.encodeStateAsUpdate(doc);
  return full.slice(0, full.length - 1);
}

describe('loading damaged storage', () => {
  it('sets a garbage row aside, loads the good records, and resolves within 2 s', async () => {
    const pid = profileId();
    await storeWithGoals(pid, ['Fractions', 'Reading']);
    await putRawRow(docDbName(pid, name), new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x07, 0x42, 0x13]));

    const store = new DocStore(pid);
    stores.push(store);
    const local = store.open(ref);
    const report = await within(2_000, local.whenLoaded);

    expect(report).toMatchObject({ damagedUpdates: 1, failed: null });
    expect(report.storedUpdates).toBeGreaterThanOrEqual(2);
    expect(planDocument(local.doc).goals.list().map((g) => g.title).sort()).toEqual(['Fractions', 'Reading']);
    const kept = await localDb().damaged.where('[profileId+docName]').equals([pid, name]).toArray();
    expect(kept).toHaveLength(1);
    expect(Array.from(kept[0]!.bytes as Uint8Array)).toEqual([0xff, 0xff, 0xff, 0xff, 0x07, 0x42, 0x13]);
    // The store was rewritten with the good state only: the next open is clean.
    expect((await rawRows(docDbName(pid, name))).keys).toHaveLength(1);
    await store.closeAll();
    const again = new DocStore(pid);
    stores.push(again);
    const reopened = again.open(ref);
    expect(await within(2_000, reopened.whenLoaded)).toMatchObject({ damagedUpdates: 0 });
    expect(planDocument(reopened.doc).goals.list()).toHaveLength(2);
  });

  it('sets aside a value that is not bytes and a truncated update, without half-applying it', async () => {
    const pid = profileId();
    await storeWithGoals(pid, ['Fractions']);
    await putRawRow(docDbName(pid, name), 'not an update');
    await putRawRow(docDbName(pid, name), truncatedUpdate());

    const store = new DocStore(pid);
    stores.push(store);
    const local = store.open(ref);
    const report = await within(2_000, local.whenLoaded);
    expect(report.damagedUpdates).toBe(2);
    expect(planDocument(local.doc).goals.list().map((g) => g.title)).toEqual(['Fractions']);
    const kept = await localDb().damaged.where('[profileId+docName]').equals([pid, name]).toArray();
    expect(kept.map((k) => k.raw ?? 'bytes').sort()).toEqual(['bytes', 'not an update']);
  });

  it('keeps edits made after a damaged load', async () => {
    const pid = profileId();
    await storeWithGoals(pid, ['Fractions']);
    await putRawRow(docDbName(pid, name), new Uint8Array([9, 9, 9]));
    const store = new DocStore(pid);
    const local = store.open(ref);
    await local.whenLoaded;
    planDocument(local.doc).goals.add({ title: 'After repair', startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 2 });
    await store.closeAll();
    const again = new DocStore(pid);
    stores.push(again);
    const reopened = again.open(ref);
    await reopened.whenLoaded;
    expect(planDocument(reopened.doc).goals.list().map((g) => g.title).sort()).toEqual(['After repair', 'Fractions']);
  });

  it('checks the compacted row too: a changed one is set aside, not trusted', async () => {
    const pid = profileId();
    const dbName = docDbName(pid, name);
    await storeWithGoals(pid, ['A', 'B', 'C', 'D', 'E']);
    const first = new DocStore(pid);
    await first.open(ref).whenLoaded;
    await first.closeAll();
    const { keys, values } = await rawRows(dbName);
    expect(keys).toHaveLength(1);
    const compacted = values[0] as Uint8Array;
    await overwriteRawRow(dbName, keys[0]!, compacted.slice(0, compacted.length - 1));

    const store = new DocStore(pid);
    stores.push(store);
    const local = store.open(ref);
    expect(await within(2_000, local.whenLoaded)).toMatchObject({ damagedUpdates: 1 });
    expect(planDocument(local.doc).goals.list()).toEqual([]);
    expect(await localDb().damaged.where('[profileId+docName]').equals([pid, name]).count()).toBe(1);
  });
});
