import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { coachDocument, docName, planDocument, type DocRef } from '../../src/core';
import { cleanup, enrolStudent, newClass, newRelay, newTeacher, waitFor } from '../relay/helpers';
import { newSyncDevice, pendingOf, states, storedOnRelay, waitForStored } from './helpers';

afterEach(cleanup);

async function classroom(names = ['Ana', 'Ben']) {
  const relay = await newRelay();
  const teacher = await newTeacher(relay);
  const cls = await newClass(relay, teacher, names);
  const ana = await enrolStudent(relay, cls.joinCode, cls.students[0]!.id);
  return { relay, teacher, cls, ana };
}

const goal = (title: string) => ({ title, startDate: '2026-11-01', targetDate: '2026-12-01', createdAt: 1 });

describe('SyncSession: two devices', () => {
  it('edits made offline on two devices converge; syncing then synced; then stored on the relay', async () => {
    const { relay, teacher, cls, ana } = await classroom();
    const planRef: DocRef = { kind: 'plan', classId: cls.classId, studentId: ana.studentId };
    const name = docName(planRef);
    const t = await newSyncDevice(relay, { token: teacher.token, start: false });
    const s = await newSyncDevice(relay, { token: ana.token, start: false });
    planDocument(await t.open(planRef)).goals.add(goal('From the teacher'));
    planDocument(await s.open(planRef)).profileItems.add({ kind: 'interest', text: 'football' });
    await waitFor(async () => (await pendingOf(s, name)) > 0 && (await pendingOf(t, name)) > 0);
    expect(s.session.status().state).toBe('not-connected');

    t.session.start();
    s.session.start();
    const tPlan = planDocument(t.store.get(name)!.doc);
    const sPlan = planDocument(s.store.get(name)!.doc);
    await waitFor(() => tPlan.profileItems.list().length === 1 && sPlan.goals.list().length === 1, { timeout: 15_000 });
    await waitForStored(t);
    await waitForStored(s);

    for (const device of [t, s]) {
      const seen = states(device);
      expect(seen).toContain('syncing');
      expect(seen.indexOf('syncing')).toBeLessThan(seen.lastIndexOf('synced'));
      const status = device.session.status();
      expect(status).toMatchObject({ state: 'synced', pendingChanges: 0, pendingDocs: 0, unstoredDocs: 0, refusal: null });
      expect(status.lastSyncedAt).not.toBeNull();
      expect(status.lastStoredAt).not.toBeNull();
    }
    // "Stored" was reported only once the relay had it on disk.
    const onDisk = planDocument(storedOnRelay(relay, name)!);
    expect(onDisk.goals.list().map((g) => g.title)).toEqual(['From the teacher']);
    expect(onDisk.profileItems.list().map((i) => i.text)).toEqual(['football']);
    // The teacher's device holds the whole class, discovered from the roster.
    expect(t.store.get(`plan:${cls.classId}:${cls.students[1]!.id}`)).toBeDefined();
    expect(t.store.get(`staff:${cls.classId}`)).toBeDefined();
    // The student's device holds only the student's own documents.
    expect(s.store.openNames().sort()).toEqual([`class:${cls.classId}`, `coach:${cls.classId}:${ana.studentId}`, name].sort());
  });

  it('a document with local changes that is not open on screen still syncs', async () => {
    const { relay, teacher, cls } = await classroom();
    const benCoach: DocRef = { kind: 'coach', classId: cls.classId, studentId: cls.students[1]!.id };
    const t = await newSyncDevice(relay, { token: teacher.token, start: false });
    coachDocument(await t.open(benCoach)).checkins.add({ date: '2026-11-20', at: 1, sharedNote: 'Reading every day' });
    await t.store.close(docName(benCoach));
    expect(t.store.get(docName(benCoach))).toBeUndefined();

    t.session.start();
    await waitForStored(t);
    expect(coachDocument(storedOnRelay(relay, docName(benCoach))!).checkins.list().map((c) => c.sharedNote)).toEqual(['Reading every day']);
  });

  it('an edit made after the first sync goes up at once and is marked stored again', async () => {
    const { relay, ana, cls } = await classroom();
    const planRef: DocRef = { kind: 'plan', classId: cls.classId, studentId: ana.studentId };
    const s = await newSyncDevice(relay, { token: ana.token });
    await waitForStored(s);
    const firstStored = s.session.status().lastStoredAt!;
    planDocument(s.store.get(docName(planRef))!.doc).goals.add(goal('Later goal'));
    await waitFor(() => s.session.status().unstoredDocs === 1);
    await waitForStored(s);
    expect(s.session.status().lastStoredAt!).toBeGreaterThan(firstStored);
    expect(planDocument(storedOnRelay(relay, docName(planRef))!).goals.list().map((g) => g.title)).toEqual(['Later goal']);
  });

  it('a document the app closes and opens again is linked again (addDocument, or the next discovery)', async () => {
    const { relay, ana, cls } = await classroom();
    const planRef: DocRef = { kind: 'plan', classId: cls.classId, studentId: ana.studentId };
    const s = await newSyncDevice(relay, { token: ana.token });
    await waitForStored(s);
    await s.store.close(docName(planRef));
    const reopened = await s.open(planRef);
    planDocument(reopened).goals.add(goal('After reopening'));
    s.session.addDocument(planRef);
    await waitFor(() => s.session.status().unstoredDocs === 1);
    await waitForStored(s);
    expect(planDocument(storedOnRelay(relay, docName(planRef))!).goals.list().map((g) => g.title)).toEqual(['After reopening']);

    // Closed again and not asked for: found again at the next connection.
    await s.store.close(docName(planRef));
    planDocument(await s.open(planRef)).goals.add(goal('Found again'));
    s.network.goOffline();
    s.network.goOnline();
    await waitFor(() => planDocument(relay.hocuspocus.documents.get(docName(planRef))!).goals.list().length === 2);
    await waitForStored(s);
  });
});
