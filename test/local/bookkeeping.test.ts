import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { docName, planDocument, SYSTEM_WRITE, type DocRef } from '../../src/core';
import { markStored, markSynced, readDocEntry } from '../../src/local/bookkeeping';
import { localDb } from '../../src/local/db';
import { DocStore } from '../../src/local/doc-store';
import { unsyncedSummary } from '../../src/local/profiles';
import { profileId } from './helpers';

const ref: DocRef = { kind: 'plan', classId: 'class1', studentId: 'stud1' };
const name = docName(ref);
const stores: DocStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.closeAll()));
});
async function opened(pid: string) {
  const store = new DocStore(pid);
  stores.push(store);
  const local = store.open(ref);
  await local.whenLoaded;
  return { store, local, plan: planDocument(local.doc) };
}
const goal = (title: string) => ({ title, startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 });

describe('local edit bookkeeping', () => {
  it('writes the first local edit at once, then counts every edit', async () => {
    const pid = profileId();
    const { store, plan } = await opened(pid);
    const before = Date.now();
    plan.goals.add(goal('One'));
    await vi.waitFor(async () => expect((await readDocEntry(pid, name))?.pendingChanges).toBe(1), { timeout: 500 });
    for (let i = 0; i < 9; i++) plan.goals.add(goal(`More ${i}`));
    await store.flush();
    const entry = await readDocEntry(pid, name);
    expect(entry?.pendingChanges).toBe(10);
    expect(entry?.lastLocalEditAt).toBeGreaterThanOrEqual(before);
  });

  it('counts undo and origin-less edits, not system writes, remote updates or loads', async () => {
    const pid = profileId();
    const { store, local, plan } = await opened(pid);
    const undo = new Y.UndoManager(local.doc.getMap('goals'), { trackedOrigins: new Set([null]) });
    local.doc.transact(() => local.doc.getMap('goals').set('plain', 1));
    undo.undo();
    local.doc.transact(() => local.doc.getMap('x').set('a', 1), SYSTEM_WRITE);
    const provider = { name: 'relay provider' };
    const remote = new Y.Doc();
    planDocument(remote).goals.add(goal('From the relay'));
    Y.applyUpdate(local.doc, Y.encodeStateAsUpdate(remote), provider);
    await store.flush();
    expect((await readDocEntry(pid, name))?.pendingChanges).toBe(2);
    expect(plan.goals.list().map((g) => g.title)).toEqual(['From the relay']);

    await store.closeAll();
    const again = await opened(pid);
    await again.store.flush();
    expect((await readDocEntry(pid, name))?.pendingChanges).toBe(2);
  });

  it('markSynced clears only the changes the sync layer saw', async () => {
    const pid = profileId();
    const { store, plan } = await opened(pid);
    for (let i = 0; i < 3; i++) plan.goals.add(goal(`G${i}`));
    await store.flush();
    const seen = (await readDocEntry(pid, name))!.pendingChanges;
    expect(seen).toBe(3);
    plan.goals.add(goal('Meanwhile'));
    await store.flush();
    expect(await markSynced(pid, name, 1_000, seen)).toBe(true);
    expect(await readDocEntry(pid, name)).toMatchObject({ pendingChanges: 1, lastSyncedAt: 1_000 });
    expect(await markSynced(pid, 'not a document', 1_000, 1)).toBe(false);
    // The sync layer may be faster than the (batched) registration of a document it just synced.
    expect(await markStored(pid, 'coach:class1:stud1', 2_000)).toBe(true);
    expect(await readDocEntry(pid, 'coach:class1:stud1')).toMatchObject({ kind: 'coach', studentId: 'stud1', lastStoredAt: 2_000, pendingChanges: 0 });
  });

  it('unsyncedSummary lists documents with pending edits or not confirmed stored, and unuploaded photos', async () => {
    const pid = profileId();
    const { plan } = await opened(pid);
    plan.goals.add(goal('Unsynced'));
    let summary = await unsyncedSummary(pid);
    expect(summary).toEqual({ pendingDocs: [name], unstoredDocs: [name], unuploadedBlobs: 0, safeToRemove: false });

    const seen = (await readDocEntry(pid, name))!.pendingChanges;
    await markSynced(pid, name, Date.now(), seen);
    summary = await unsyncedSummary(pid);
    expect(summary.pendingDocs).toEqual([]);
    expect(summary.unstoredDocs).toEqual([name]);

    await markStored(pid, name, Date.now() + 1);
    expect((await unsyncedSummary(pid)).safeToRemove).toBe(true);

    await localDb().blobs.put({ profileId: pid, hash: 'a'.repeat(64), type: 'image/jpeg', bytes: new ArrayBuffer(4), size: 4, createdAt: 1, uploadedAt: null });
    expect(await unsyncedSummary(pid)).toMatchObject({ unuploadedBlobs: 1, safeToRemove: false });
  });
});
