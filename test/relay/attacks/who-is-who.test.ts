import { afterEach, describe, expect, it } from 'vitest';
import { classDocument, docName, newId } from '../../../src/core';
import { api, cleanup, connectDoc, enrolStudent, newClass, newRelay, newTeacher, waitFor, type TestRelay } from '../helpers';

afterEach(cleanup);

function join(relay: TestRelay, code: string, studentId: string, deviceId: string, deviceName = 'Chromium on Linux') {
  return api(relay, 'POST', '/api/join', { body: { code, studentId, deviceId, deviceName } });
}

describe('attack: the class code as a key to every child (issue 9)', () => {
  it('a second device with only the class code gets no token for a student who has a device, until the teacher approves it', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t, ['Kofi', 'Ama']);
    const kofi = cls.students.find((s) => s.displayName === 'Kofi')!;
    const first = await enrolStudent(relay, cls.joinCode, kofi.id);

    const intruder = newId();
    const asked = await join(relay, cls.joinCode, kofi.id, intruder, 'Tablet 3');
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ waiting: true, displayName: 'Kofi' });
    expect(asked.body.token).toBeUndefined();
    // Asking again is the same request, still no token.
    const again = await join(relay, cls.joinCode, kofi.id, intruder, 'Tablet 3');
    expect(again).toMatchObject({ status: 202, body: { requestId: asked.body.requestId } });
    // Kofi's plan stays closed to that device (it has no token at all) and his first device still works.
    expect((await connectDoc(relay, docName({ kind: 'plan', classId: cls.classId, studentId: kofi.id }), first.token)).result.kind).toBe('authenticated');

    const pending = await api(relay, 'GET', `/api/classes/${cls.classId}/join-requests`, { token: t.token });
    expect(pending.body.requests).toEqual([
      { id: asked.body.requestId, studentId: kofi.id, displayName: 'Kofi', deviceName: 'Tablet 3', requestedAt: asked.body.requestedAt },
    ]);
    // Another student (and a stranger) cannot answer for the teacher.
    expect((await api(relay, 'POST', `/api/classes/${cls.classId}/join-requests/${asked.body.requestId}/approve`, { token: first.token })).status).toBe(403);
    const approved = await api(relay, 'POST', `/api/classes/${cls.classId}/join-requests/${asked.body.requestId}/approve`, { token: t.token });
    expect(approved).toMatchObject({ status: 200, body: { decision: 'approved' } });
    const joined = await join(relay, cls.joinCode, kofi.id, intruder, 'Tablet 3');
    expect(joined.status).toBe(200);
    expect(typeof joined.body.token).toBe('string');
    expect((await api(relay, 'GET', `/api/classes/${cls.classId}/join-requests`, { token: t.token })).body.requests).toEqual([]);

    // A declined device stays declined.
    const other = newId();
    const second = await join(relay, cls.joinCode, kofi.id, other);
    await api(relay, 'POST', `/api/classes/${cls.classId}/join-requests/${second.body.requestId}/decline`, { token: t.token });
    expect(await join(relay, cls.joinCode, kofi.id, other)).toMatchObject({ status: 403, body: { error: 'join-declined' } });

    // The first device to claim a name gets it: Ama is unclaimed, so any device may still be Ama once.
    const ama = cls.students.find((s) => s.displayName === 'Ama')!;
    expect((await join(relay, cls.joinCode, ama.id, newId())).status).toBe(200);
    expect((await join(relay, cls.joinCode, ama.id, newId())).status).toBe(202);
  });

  it('a revoked device gets nothing more: not its token, not re-joining as itself or as another name', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t, ['Kofi', 'Ama', 'Yaw']);
    const [kofi, ama] = cls.students;
    const device = await enrolStudent(relay, cls.joinCode, kofi!.id);
    await api(relay, 'POST', `/api/classes/${cls.classId}/devices/${device.deviceId}/revoke`, { token: t.token });
    expect((await api(relay, 'GET', '/api/me', { token: device.token })).body.error).toBe('device-revoked');
    expect((await api(relay, 'POST', '/api/token/renew', { token: device.token })).body.error).toBe('device-revoked');
    expect(await join(relay, cls.joinCode, kofi!.id, device.deviceId)).toMatchObject({ status: 403, body: { error: 'device-revoked' } });
    expect(await join(relay, cls.joinCode, ama!.id, device.deviceId)).toMatchObject({ status: 403, body: { error: 'device-revoked' } });
    // Kofi on a new device: he had a device, so the teacher decides.
    expect((await join(relay, cls.joinCode, kofi!.id, newId())).status).toBe(202);
  });

  it('a student taken off the roster loses tokens, open documents, family links and re-joining', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t, ['Kofi', 'Ama']);
    const kofi = cls.students.find((s) => s.displayName === 'Kofi')!;
    const device = await enrolStudent(relay, cls.joinCode, kofi.id);
    const plan = docName({ kind: 'plan', classId: cls.classId, studentId: kofi.id });
    const open = await connectDoc(relay, plan, device.token);
    await open.whenSynced();
    const link = await api(relay, 'POST', `/api/classes/${cls.classId}/students/${kofi.id}/family-links`, { token: t.token });
    expect((await api(relay, 'GET', `/api/family/${link.body.token}`)).status).toBe(200);

    // The teacher archives Kofi on their device; the class document syncs and is stored.
    const teacherCopy = await connectDoc(relay, docName({ kind: 'class', classId: cls.classId }), t.token, cls.classDoc);
    classDocument(cls.classDoc).students.update(kofi.id, { archived: true });
    await teacherCopy.whenStored(15_000);

    await waitFor(() => (relay.hocuspocus.documents.get(plan)?.getConnectionsCount() ?? 0) === 0, { timeout: 15_000 });
    expect((await api(relay, 'GET', '/api/me', { token: device.token })).body.error).toBe('device-revoked');
    expect((await connectDoc(relay, plan, device.token)).result.kind).toBe('refused');
    expect((await api(relay, 'GET', `/api/family/${link.body.token}`)).status).toBe(404);
    expect(await join(relay, cls.joinCode, kofi.id, device.deviceId)).toMatchObject({ status: 404, body: { error: 'unknown-student' } });
    expect(await join(relay, cls.joinCode, kofi.id, newId())).toMatchObject({ status: 404, body: { error: 'unknown-student' } });
    const names = (await api(relay, 'GET', `/api/join/${cls.joinCode}?deviceId=${newId()}`)).body.students.map((s: { displayName: string }) => s.displayName);
    expect(names).toEqual(['Ama']);
    // A shared tablet keeps serving its other students: Ama can still join on the device Kofi used.
    expect((await join(relay, cls.joinCode, cls.students.find((s) => s.displayName === 'Ama')!.id, device.deviceId)).status).toBe(200);
  });
});

describe('devices and teachers under the teacher\'s control (issue 9)', () => {
  it('a teacher lists their devices with name and last seen, and revokes one (its token and sockets stop)', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t);
    const laptop = newId();
    const signedIn = await api(relay, 'POST', '/api/auth/signin', { body: { email: t.email, password: t.password, deviceId: laptop, deviceName: 'Staff-room laptop' } });
    const staff = docName({ kind: 'staff', classId: cls.classId });
    const open = await connectDoc(relay, staff, signedIn.body.token);
    expect(open.result.kind).toBe('authenticated');
    const list = await api(relay, 'GET', '/api/me/devices', { token: t.token });
    expect(list.body.devices).toEqual([
      expect.objectContaining({ deviceId: t.deviceId, current: true, revokedAt: null }),
      expect.objectContaining({ deviceId: laptop, deviceName: 'Staff-room laptop', current: false, lastSeenAt: expect.any(Number) }),
    ]);
    const revoked = await api(relay, 'POST', `/api/me/devices/${laptop}/revoke`, { token: t.token });
    expect(revoked.body).toEqual({ revoked: 1, closedConnections: 1 });
    expect((await api(relay, 'GET', '/api/me', { token: signedIn.body.token })).body.error).toBe('device-revoked');
    expect((await api(relay, 'POST', '/api/auth/signin', { body: { email: t.email, password: t.password, deviceId: laptop } })).body.error).toBe('device-revoked');
  });

  it('an invitation reveals nothing about the address; the owner removes a co-teacher, whose access ends', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const co = await newTeacher(relay, 'Mr Owusu');
    const cls = await newClass(relay, t);
    const known = await api(relay, 'POST', `/api/classes/${cls.classId}/teachers`, { token: t.token, body: { email: co.email } });
    const unknown = await api(relay, 'POST', `/api/classes/${cls.classId}/teachers`, { token: t.token, body: { email: 'nobody@school.test' } });
    expect(known.status).toBe(unknown.status);
    expect(known.body).toEqual(unknown.body);
    expect(JSON.stringify(known.body)).not.toContain('Owusu');
    const teachersBefore = await api(relay, 'GET', `/api/classes/${cls.classId}/teachers`, { token: t.token });
    expect(teachersBefore.body.teachers.map((x: { name: string }) => x.name)).toEqual(['Ms Rivera']);

    const invitation = (await api(relay, 'GET', '/api/invitations', { token: co.token })).body.invitations[0];
    await api(relay, 'POST', `/api/invitations/${invitation.id}/accept`, { token: co.token });
    const staff = docName({ kind: 'staff', classId: cls.classId });
    const open = await connectDoc(relay, staff, co.token);
    expect(open.result.kind).toBe('authenticated');
    // A co-teacher cannot remove the owner, nor can a stranger remove anyone.
    expect((await api(relay, 'DELETE', `/api/classes/${cls.classId}/teachers/${t.id}`, { token: co.token })).status).toBe(409);
    const removed = await api(relay, 'DELETE', `/api/classes/${cls.classId}/teachers/${co.id}`, { token: t.token });
    expect(removed).toMatchObject({ status: 200, body: { removed: true, closedConnections: 1 } });
    expect((await connectDoc(relay, staff, co.token)).result.kind).toBe('refused');
    expect((await api(relay, 'GET', `/api/classes/${cls.classId}/join-code`, { token: co.token })).status).toBe(404);
  });
});
