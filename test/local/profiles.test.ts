import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { classDocument, docName, planDocument, type DocRef } from '../../src/core';
import { listDocEntries } from '../../src/local/bookkeeping';
import { localDb } from '../../src/local/db';
import { DocStore, ProfileRemovedError } from '../../src/local/doc-store';
import { databaseNames, docDbName, openDocDb, profilePrefix } from '../../src/local/idb';
import {
  createProfile,
  getProfile,
  InvalidProfileError,
  listProfiles,
  ProfileRemovalBlockedError,
  removeProfile,
  updateProfile,
} from '../../src/local/profiles';
import { sleep } from './helpers';

const plan: DocRef = { kind: 'plan', classId: 'class1', studentId: 'stud1' };
const cls: DocRef = { kind: 'class', classId: 'class1' };

async function profileWithData(displayName: string) {
  const profile = await createProfile({ role: 'teacher', displayName, language: 'en', classIds: ['class1'] });
  const store = new DocStore(profile.id);
  const p = store.open(plan);
  const c = store.open(cls);
  await Promise.all([p.whenLoaded, c.whenLoaded]);
  planDocument(p.doc).goals.add({ title: `${displayName}'s goal`, startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 });
  classDocument(c.doc).students.add({ displayName: 'Ana' }, 'stud1');
  const db = localDb();
  await db.summaries.put({
    profileId: profile.id, classId: 'class1', studentId: 'stud1', displayName: 'Ana', archived: false, updatedAt: 1,
    lastCheckInDate: null, engagements: [], paces: { ahead: 0, 'on-track': 0, behind: 0, overdue: 0, achieved: 0, closed: 0 },
    openGoals: 0, overdueMilestones: 0, proposedItems: 0, followUpDate: null, lastActivityAt: null, computedFor: '2026-10-01',
  });
  // The same photo held by two profiles must survive the removal of one of them.
  await db.blobs.put({ profileId: profile.id, hash: 'b'.repeat(64), type: 'image/jpeg', bytes: new ArrayBuffer(8), size: 8, createdAt: 1, uploadedAt: null });
  await db.damaged.add({ profileId: profile.id, docName: docName(plan), rowKey: 1, bytes: new Uint8Array([1]), raw: null, problem: 'test', at: 1 });
  await store.flush();
  return { profile, store };
}

async function countRows(profileId: string) {
  const db = localDb();
  return {
    profile: (await db.profiles.get(profileId)) ? 1 : 0,
    docs: await db.docs.where('profileId').equals(profileId).count(),
    summaries: await db.summaries.where('profileId').equals(profileId).count(),
    blobs: await db.blobs.where('profileId').equals(profileId).count(),
    damaged: await db.damaged.where('profileId').equals(profileId).count(),
  };
}

async function dbsOf(profileId: string): Promise<string[]> {
  return ((await databaseNames()) ?? []).filter((n) => n.startsWith(profilePrefix(profileId))).sort();
}

describe('profiles', () => {
  it('creates, lists (most recently opened first), reads and updates profiles', async () => {
    const a = await createProfile({ role: 'teacher', displayName: '  Ms Rivera ', language: 'es' }, 1_000);
    const b = await createProfile({ role: 'student', displayName: 'Ana', language: 'en', studentId: 'stud1', picture: 3 }, 2_000);
    expect(a).toMatchObject({ displayName: 'Ms Rivera', classIds: [], studentId: null, pinHash: null, createdAt: 1_000, lastOpenedAt: 1_000 });
    const ids = (await listProfiles()).map((p) => p.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
    const updated = await updateProfile(a.id, { lastOpenedAt: 3_000, classIds: ['class1'] });
    expect(updated).toMatchObject({ id: a.id, createdAt: 1_000, lastOpenedAt: 3_000, classIds: ['class1'], language: 'es' });
    expect(await getProfile(a.id)).toEqual(updated);
  });

  it('refuses invalid input with a clear error and writes nothing', async () => {
    const before = (await listProfiles()).length;
    await expect(createProfile({ role: 'teacher', displayName: '', language: 'en' })).rejects.toThrow(InvalidProfileError);
    await expect(createProfile({ role: 'parent' as 'teacher', displayName: 'X', language: 'en' })).rejects.toThrow(/role/);
    expect((await listProfiles()).length).toBe(before);
    const p = await createProfile({ role: 'teacher', displayName: 'T', language: 'en' });
    await expect(updateProfile(p.id, { displayName: 'x'.repeat(81) })).rejects.toThrow(InvalidProfileError);
    expect((await getProfile(p.id))?.displayName).toBe('T');
    await expect(updateProfile('nosuchprofile', { displayName: 'Y' })).rejects.toThrow(InvalidProfileError);
  });
});

describe('removeProfile', () => {
  it('deletes that profile everywhere, waits for IndexedDB, and leaves every other profile intact', async () => {
    const one = await profileWithData('One');
    const two = await profileWithData('Two');
    expect(await dbsOf(one.profile.id)).toEqual([docDbName(one.profile.id, 'class:class1'), docDbName(one.profile.id, docName(plan))]);

    const report = await removeProfile(one.profile.id);
    expect(report.deletedDatabases).toHaveLength(2);
    expect(await dbsOf(one.profile.id)).toEqual([]);
    expect(await countRows(one.profile.id)).toEqual({ profile: 0, docs: 0, summaries: 0, blobs: 0, damaged: 0 });
    expect(() => one.store.open(plan)).toThrow(ProfileRemovedError);

    expect(await countRows(two.profile.id)).toEqual({ profile: 1, docs: 2, summaries: 1, blobs: 1, damaged: 1 });
    expect(await dbsOf(two.profile.id)).toHaveLength(2);
    await two.store.closeAll();
    const again = new DocStore(two.profile.id);
    const p = again.open(plan);
    await p.whenLoaded;
    expect(planDocument(p.doc).goals.list().map((g) => g.title)).toEqual(["Two's goal"]);
    await again.closeAll();
    await sleep(20);
    expect(await dbsOf(one.profile.id)).toEqual([]);
  });

  it('closes documents the profile has open in this page, and a late edit does not recreate them', async () => {
    const one = await profileWithData('Open');
    const local = one.store.get(docName(plan))!;
    await removeProfile(one.profile.id);
    planDocument(local.doc).goals.add({ title: 'after removal', startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 });
    await sleep(30);
    expect(await dbsOf(one.profile.id)).toEqual([]);
    expect(await listDocEntries(one.profile.id)).toEqual([]);
  });

  it('waits while another connection blocks the deletion, and rejects after the timeout keeping the registry for a retry', async () => {
    const one = await profileWithData('Blocked');
    await one.store.closeAll();
    const holder = await openDocDb(docDbName(one.profile.id, docName(plan)));
    holder.onversionchange = null; // a tab that ignores the request to close

    const started = Date.now();
    await expect(removeProfile(one.profile.id, { blockedTimeoutMs: 200 })).rejects.toThrow(ProfileRemovalBlockedError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect((await countRows(one.profile.id)).docs).toBe(2);

    holder.close();
    await removeProfile(one.profile.id);
    expect(await dbsOf(one.profile.id)).toEqual([]);
    expect(await countRows(one.profile.id)).toEqual({ profile: 0, docs: 0, summaries: 0, blobs: 0, damaged: 0 });
  });
});
