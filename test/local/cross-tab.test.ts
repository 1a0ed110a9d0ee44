import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName, planDocument, type DocRef } from '../../src/core';
import { readDocEntry } from '../../src/local/bookkeeping';
import { DocStore } from '../../src/local/doc-store';
import { STORAGE_LOAD } from '../../src/local/origins';
import { profileId, sleep, waitUntil } from './helpers';

const ref: DocRef = { kind: 'plan', classId: 'class1', studentId: 'stud1' };
const name = docName(ref);
const stores: DocStore[] = [];
function tab(pid: string): DocStore {
  const store = new DocStore(pid);
  stores.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.closeAll()));
});
const addGoal = (doc: Y.Doc, title: string) =>
  planDocument(doc).goals.add({ title, startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 });
const titles = (doc: Y.Doc) => planDocument(doc).goals.list().map((g) => g.title).sort();

describe('two tabs of one profile', () => {
  it("see each other's edits without reloading", async () => {
    const pid = profileId();
    const a = tab(pid).open(ref);
    const b = tab(pid).open(ref);
    await Promise.all([a.whenLoaded, b.whenLoaded]);
    addGoal(a.doc, 'From tab A');
    await waitUntil(() => expect(titles(b.doc)).toEqual(['From tab A']));
    addGoal(b.doc, 'From tab B');
    await waitUntil(() => expect(titles(a.doc)).toEqual(['From tab A', 'From tab B']));
  });

  it('a tab that opens later gets what another tab holds but has not stored', async () => {
    const pid = profileId();
    const a = tab(pid).open(ref);
    await a.whenLoaded;
    // Applied with the load origin: neither written to disk nor broadcast, as if its write were still under way.
    const other = new Y.Doc();
    addGoal(other, 'Only in tab A memory');
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(other), STORAGE_LOAD);

    const b = tab(pid).open(ref);
    await b.whenLoaded;
    await waitUntil(() => expect(titles(b.doc)).toEqual(['Only in tab A memory']));
  });

  it('counts an edit once, in the tab that made it', async () => {
    const pid = profileId();
    const storeA = tab(pid);
    const a = storeA.open(ref);
    const b = tab(pid).open(ref);
    await Promise.all([a.whenLoaded, b.whenLoaded]);
    addGoal(a.doc, 'Once');
    await waitUntil(() => expect(titles(b.doc)).toEqual(['Once']));
    await Promise.all(stores.map((s) => s.flush()));
    expect((await readDocEntry(pid, name))?.pendingChanges).toBe(1);
  });

  it('does not reach another profile', async () => {
    const a = tab(profileId()).open(ref);
    const c = tab(profileId()).open(ref);
    await Promise.all([a.whenLoaded, c.whenLoaded]);
    addGoal(a.doc, 'Private');
    await sleep(50);
    expect(titles(c.doc)).toEqual([]);
  });
});
