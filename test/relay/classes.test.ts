import { afterEach, describe, expect, it } from 'vitest';
import { classDocument, docName, newId, readMeta } from '../../src/core';
import { api, cleanup, connectDoc, enrolStudent, newClass, newRelay, newTeacher } from './helpers';

afterEach(cleanup);

describe('connecting a class made offline', () => {
  it('is idempotent: the same class id twice is one class with one code', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const classId = newId();
    const first = await api(relay, 'POST', '/api/classes', { token: t.token, body: { classId, name: '7B' } });
    const second = await api(relay, 'POST', '/api/classes', { token: t.token, body: { classId, name: '7B Maths' } });
    expect(first).toMatchObject({ status: 201, body: { classId, created: true } });
    expect(second).toMatchObject({ status: 200, body: { classId, created: false, name: '7B Maths', joinCode: first.body.joinCode } });
    expect(first.body.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const list = await api(relay, 'GET', '/api/classes', { token: t.token });
    expect(list.body.classes).toEqual([{ classId, name: '7B Maths', joinCode: first.body.joinCode }]);
    expect((relay.db.prepare('SELECT COUNT(*) AS n FROM classes').get() as { n: number }).n).toBe(1);
  });

  it("refuses another teacher's class id and a student's token", async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const other = await newTeacher(relay);
    const cls = await newClass(relay, t);
    const taken = await api(relay, 'POST', '/api/classes', { token: other.token, body: { classId: cls.classId, name: 'mine now' } });
    expect(taken).toMatchObject({ status: 409, body: { error: 'class-taken' } });
    const student = await enrolStudent(relay, cls.joinCode, cls.students[0]!.id);
    const byStudent = await api(relay, 'POST', '/api/classes', { token: student.token, body: { classId: newId(), name: 'x' } });
    expect(byStudent).toMatchObject({ status: 403, body: { error: 'teachers-only' } });
    const code = await api(relay, 'GET', `/api/classes/${cls.classId}/join-code`, { token: other.token });
    expect(code).toMatchObject({ status: 404, body: { error: 'unknown-class' } });
  });

  it('gives the join code with a join URL (carrying the long QR key) and its QR code as SVG', async () => {
    const relay = await newRelay({ publicUrl: 'https://pathbook.school.test/' });
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t);
    const res = await api(relay, 'GET', `/api/classes/${cls.classId}/join-code`, { token: t.token });
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(cls.joinCode);
    const key = /^https:\/\/pathbook\.school\.test\/#\/join\/([A-HJ-NP-Z2-9]{20})$/.exec(res.body.joinUrl)?.[1];
    expect(key).toBeTruthy();
    expect(res.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const viaKey = await api(relay, 'GET', `/api/join/${key}?deviceId=${newId()}`);
    expect(viaKey).toMatchObject({ status: 200, body: { classId: cls.classId } });
  });

  it('a co-teacher invited by email gets the class once they accept', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const co = await newTeacher(relay);
    const cls = await newClass(relay, t);
    const before = await connectDoc(relay, docName({ kind: 'staff', classId: cls.classId }), co.token);
    expect(before.result.kind).toBe('refused');
    const invited = await api(relay, 'POST', `/api/classes/${cls.classId}/teachers`, { token: t.token, body: { email: co.email } });
    expect(invited).toMatchObject({ status: 202, body: { invited: true } });
    const pending = await connectDoc(relay, docName({ kind: 'staff', classId: cls.classId }), co.token);
    expect(pending.result.kind).toBe('refused');
    const list = await api(relay, 'GET', '/api/invitations', { token: co.token });
    expect(list.body.invitations).toEqual([expect.objectContaining({ classId: cls.classId, className: 'Year 7 Maths', invitedBy: 'Ms Rivera' })]);
    const accepted = await api(relay, 'POST', `/api/invitations/${list.body.invitations[0].id}/accept`, { token: co.token });
    expect(accepted.status).toBe(200);
    const after = await connectDoc(relay, docName({ kind: 'staff', classId: cls.classId }), co.token);
    expect(after.result).toEqual({ kind: 'authenticated', scope: 'read-write' });
  });
});

describe('joining with a code', () => {
  it('shows the class name and roster, then gives a token for that student and creates their documents', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t, ['Zoe', 'Ana']);
    const deviceId = newId();
    const lookup = await api(relay, 'GET', `/api/join/${cls.joinCode.toLowerCase()}?deviceId=${deviceId}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body.className).toBe('Year 7 Maths');
    expect(lookup.body.students.map((s: { displayName: string }) => s.displayName)).toEqual(['Ana', 'Zoe']);

    const ana = cls.students.find((s) => s.displayName === 'Ana')!;
    const joined = await api(relay, 'POST', '/api/join', { body: { code: cls.joinCode, studentId: ana.id, deviceId } });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ classId: cls.classId, studentId: ana.id, displayName: 'Ana' });
    const me = await api(relay, 'GET', '/api/me', { token: joined.body.token });
    expect(me.body).toMatchObject({ role: 'student', subject: ana.id, classIds: [cls.classId], deviceId });

    for (const kind of ['plan', 'coach'] as const) {
      const name = docName({ kind, classId: cls.classId, studentId: ana.id });
      expect(joined.body.documents).toContain(name);
      const stored = relay.services.documents.read(name);
      expect(stored && readMeta(stored)).toMatchObject({ name, schema: 1 });
    }
    // Joining again (the same device, e.g. after clearing its storage) neither fails nor rewrites the documents' creation time.
    const plan = docName({ kind: 'plan', classId: cls.classId, studentId: ana.id });
    const createdAt = readMeta(relay.services.documents.read(plan)!).createdAt;
    await enrolStudent(relay, cls.joinCode, ana.id, deviceId);
    expect(readMeta(relay.services.documents.read(plan)!).createdAt).toBe(createdAt);
  });

  it('the roster comes from the live class document (a student added a moment ago can join)', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t);
    const live = await connectDoc(relay, docName({ kind: 'class', classId: cls.classId }), t.token, cls.classDoc);
    await live.whenSynced();
    const carlos = classDocument(cls.classDoc).students.add({ displayName: 'Carlos', language: 'es', archived: false });
    await live.whenSynced();
    const joined = await enrolStudent(relay, cls.joinCode, carlos);
    expect(joined.studentId).toBe(carlos);
  });

  it('refuses unknown codes and names that are not on the roster', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t);
    const deviceId = newId();
    expect(await api(relay, 'GET', `/api/join/ZZZZZZ?deviceId=${deviceId}`)).toMatchObject({ status: 404, body: { error: 'unknown-code' } });
    expect(await api(relay, 'GET', `/api/join/${cls.joinCode}`)).toMatchObject({ status: 400, body: { error: 'invalid-id' } });
    const stranger = await api(relay, 'POST', '/api/join', { body: { code: cls.joinCode, studentId: newId(), deviceId } });
    expect(stranger).toMatchObject({ status: 404, body: { error: 'unknown-student' } });
  });
});

describe('join attempt limits (per device and per relay, never per IP)', () => {
  it('a device guessing codes is stopped; other devices are not', async () => {
    const relay = await newRelay({ limits: { joinPerDevice: { max: 5, windowSeconds: 60 } } });
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t);
    const guesser = newId();
    for (let i = 0; i < 5; i++) {
      expect((await api(relay, 'GET', `/api/join/AAAAA${'BCDEF'[i]}?deviceId=${guesser}`)).status).toBe(404);
    }
    const blocked = await api(relay, 'GET', `/api/join/${cls.joinCode}?deviceId=${guesser}`);
    expect(blocked).toMatchObject({ status: 429, body: { error: 'too-many-attempts' } });
    const joinBlocked = await api(relay, 'POST', '/api/join', { body: { code: cls.joinCode, studentId: cls.students[0]!.id, deviceId: guesser } });
    expect(joinBlocked.status).toBe(429);
    expect((await api(relay, 'GET', `/api/join/${cls.joinCode}?deviceId=${newId()}`)).status).toBe(200);
  });

});
