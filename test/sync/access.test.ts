import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classDocument, coachDocument, docName, newId, planDocument, type DocRef } from '../../src/core';
import { readDocEntry } from '../../src/local';
import { readTokenClaims, relayApi } from '../../src/sync';
import { api, cleanup, enrolStudent, newClass, newRelay, newTeacher, waitFor } from '../relay/helpers';
import { newSyncDevice, pendingOf, storedOnRelay, waitForState, waitForStored } from './helpers';

afterEach(cleanup);

async function classroom() {
  const relay = await newRelay();
  const teacher = await newTeacher(relay);
  const cls = await newClass(relay, teacher, ['Ana', 'Ben']);
  const ana = await enrolStudent(relay, cls.joinCode, cls.students[0]!.id);
  return { relay, teacher, cls, ana };
}

describe('SyncSession: what the relay allows', () => {
  it("a student's coach and class documents are read-only; an edit there never reaches the relay and is kept on the device", async () => {
    const { relay, teacher, cls, ana } = await classroom();
    const coachRef: DocRef = { kind: 'coach', classId: cls.classId, studentId: ana.studentId };
    const coach = docName(coachRef);
    const s = await newSyncDevice(relay, { token: ana.token, classIds: [cls.classId] });
    await waitForStored(s);
    expect(s.session.isReadOnly(coach)).toBe(true);
    expect(s.session.isReadOnly(`class:${cls.classId}`)).toBe(true);
    expect(s.session.isReadOnly(`plan:${cls.classId}:${ana.studentId}`)).toBe(false);
    expect(s.session.status().readOnlyDocs).toBe(2);
    await waitFor(async () => (await readDocEntry(s.profileId, coach))?.readOnlyReason === 'no-permission');

    // The app should block this; if an edit happens anyway, the relay must not take it.
    coachDocument(s.store.get(coach)!.doc).checkins.add({ date: '2026-11-20', at: 1, sharedNote: 'forged by a student' });
    classDocument(s.store.get(`class:${cls.classId}`)!.doc).students.add({ displayName: 'Intruder', language: 'en', archived: false });
    await waitFor(async () => (await pendingOf(s, coach)) > 0);
    await waitForState(s, 'synced');

    // A teacher who edits the coach document meanwhile: the student gets it, the relay never gets the forgery.
    const t = await newSyncDevice(relay, { token: teacher.token, classIds: [cls.classId] });
    await waitForStored(t);
    coachDocument(t.store.get(coach)!.doc).nextSteps.add({ checkinId: newId(), text: 'Read chapter 3', owner: 'student', due: null, doneAt: null });
    await waitFor(() => coachDocument(s.store.get(coach)!.doc).nextSteps.list().length === 1);
    await waitForStored(t);
    const notes = (doc: ReturnType<typeof coachDocument>) => doc.checkins.list().map((c) => c.sharedNote);
    expect(notes(coachDocument(relay.hocuspocus.documents.get(coach)!))).toEqual([]);
    expect(notes(coachDocument(storedOnRelay(relay, coach)!))).toEqual([]);
    expect(notes(coachDocument(t.store.get(coach)!.doc))).toEqual([]);
    expect(classDocument(relay.hocuspocus.documents.get(`class:${cls.classId}`)!).students.list().map((x) => x.displayName).sort()).toEqual(['Ana', 'Ben']);
    // Not lost on the device, and honestly reported as not on the relay.
    expect(notes(coachDocument(s.store.get(coach)!.doc))).toEqual(['forged by a student']);
    expect(await pendingOf(s, coach)).toBeGreaterThan(0);
    expect(s.session.status().unstoredDocs).toBe(2);
  });

  it("a teacher's class that is not connected yet is refused without being marked read-only, and syncs once connected", async () => {
    const relay = await newRelay();
    const teacher = await newTeacher(relay);
    const classId = newId();
    const t = await newSyncDevice(relay, { token: teacher.token, classIds: [classId] });
    const staff = await t.open({ kind: 'staff', classId });
    await waitFor(() => t.session.status().refusedDocs === 2);
    await waitForState(t, 'synced');
    expect(t.session.isReadOnly(`class:${classId}`)).toBe(false);
    expect((await readDocEntry(t.profileId, `class:${classId}`))?.readOnlyReason ?? null).toBeNull();

    await relayApi.connectClass(relay.url, teacher.token, { classId, name: 'Year 7' });
    t.session.addDocument({ kind: 'class', classId });
    t.session.addDocument({ kind: 'staff', classId });
    await waitFor(() => t.session.status().refusedDocs === 0);
    expect(staff).toBe(t.store.get(`staff:${classId}`)!.doc);
    await waitForState(t, 'synced');
  });

  it('a revoked device is refused, and says so', async () => {
    const { relay, teacher, cls, ana } = await classroom();
    const s = await newSyncDevice(relay, { token: ana.token, classIds: [cls.classId] });
    await waitForStored(s);
    const result = await relayApi.revokeDevice(relay.url, teacher.token, cls.classId, ana.deviceId);
    expect(result.revoked).toBeGreaterThan(0);
    await waitForState(s, 'refused');
    expect(s.session.status().refusal?.code).toBe('device-revoked');
    // It stays refused: no reconnecting in a loop.
    await new Promise((r) => setTimeout(r, 500));
    expect(s.session.status().state).toBe('refused');

    // A new device session with the revoked token is refused at once.
    const again = await newSyncDevice(relay, { token: ana.token, classIds: [cls.classId] });
    await waitForState(again, 'refused');
    expect(again.session.status().refusal?.code).toBe('device-revoked');
  });

  it('an expired token is refused and reported through onTokenExpired', async () => {
    const relay = await newRelay({ studentTokenDays: 1 / 86_400 });
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher, ['Ana']);
    const ana = await enrolStudent(relay, cls.joinCode, cls.students[0]!.id);
    await new Promise((r) => setTimeout(r, 1_100));
    const onTokenExpired = vi.fn();
    const s = await newSyncDevice(relay, { token: ana.token, classIds: [cls.classId], onTokenExpired });
    await waitForState(s, 'refused');
    expect(s.session.status().refusal?.code).toBe('token-expired');
    expect(onTokenExpired).toHaveBeenCalledTimes(1);
  });

  it('a token within a day of expiry is renewed while online and the new one is used and handed to the app', async () => {
    const relay = await newRelay({ teacherTokenDays: 0.5 });
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher, ['Ana']);
    await new Promise((r) => setTimeout(r, 1_100)); // so a renewed token's expiry (in seconds) is later
    let stored = teacher.token;
    const renewed = vi.fn((token: string) => (stored = token));
    const t = await newSyncDevice(relay, { token: () => stored, classIds: [cls.classId], onTokenRenewed: renewed });
    await waitFor(() => renewed.mock.calls.length === 1);
    const [token, expiresAt] = renewed.mock.calls[0]! as unknown as [string, number];
    expect(token).not.toBe(teacher.token);
    expect(readTokenClaims(token)!.expiresAt).toBe(expiresAt);
    expect(expiresAt).toBeGreaterThan(readTokenClaims(teacher.token)!.expiresAt);
    await waitForStored(t);
    planDocument(t.store.get(`plan:${cls.classId}:${cls.students[0]!.id}`)!.doc).goals.add({ title: 'After renewal', startDate: '2026-11-01', targetDate: '2026-12-01', createdAt: 1 });
    await waitForStored(t);
    expect(renewed).toHaveBeenCalledTimes(1); // the renewed token is not due again
    const me = await api(relay, 'GET', '/api/me', { token });
    expect(me.status).toBe(200);
  });
});
