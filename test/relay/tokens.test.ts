import { afterEach, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { docName, newId } from '../../src/core';
import {
  api, cleanup, connectDoc, enrolStudent, newClass, newDevice, newRelay, newTeacher, syncUrl, waitFor,
  type TestRelay,
} from './helpers';

afterEach(cleanup);

async function classWithStudent(relay: TestRelay) {
  const teacher = await newTeacher(relay);
  const cls = await newClass(relay, teacher);
  const student = await enrolStudent(relay, cls.joinCode, cls.students[0]!.id);
  const plan = docName({ kind: 'plan', classId: cls.classId, studentId: student.studentId });
  return { teacher, cls, student, plan };
}

function refusedWith(result: { kind: string; reason?: string }, code: string) {
  expect(result.kind).toBe('refused');
  expect(result.reason).toMatch(new RegExp(`^${code}: .+`));
}

describe('tokens on the sync socket', () => {
  it('a revoked device is refused, its open documents are closed, and it cannot join again', async () => {
    const relay = await newRelay();
    const { teacher, cls, student, plan } = await classWithStudent(relay);
    const open = await connectDoc(relay, plan, student.token);
    expect(open.result.kind).toBe('authenticated');
    await open.whenSynced();

    const listed = await api(relay, 'GET', `/api/classes/${cls.classId}/devices`, { token: teacher.token });
    expect(listed.body.devices).toEqual([expect.objectContaining({ deviceId: student.deviceId, studentId: student.studentId, displayName: 'Ana', revokedAt: null })]);
    const revoked = await api(relay, 'POST', `/api/classes/${cls.classId}/devices/${student.deviceId}/revoke`, { token: teacher.token });
    expect(revoked.body).toEqual({ revoked: 1, closedConnections: 1 });
    await waitFor(() => (relay.hocuspocus.documents.get(plan)?.getConnectionsCount() ?? 0) === 0);

    refusedWith((await connectDoc(relay, plan, student.token)).result, 'device-revoked');
    expect((await api(relay, 'POST', '/api/token/renew', { token: student.token })).body.error).toBe('device-revoked');
    const rejoin = await api(relay, 'POST', '/api/join', { body: { code: cls.joinCode, studentId: student.studentId, deviceId: student.deviceId } });
    expect(rejoin).toMatchObject({ status: 403, body: { error: 'device-revoked' } });
    const after = await api(relay, 'GET', `/api/classes/${cls.classId}/devices`, { token: teacher.token });
    expect(after.body.devices[0].revokedAt).toEqual(expect.any(Number));
  });

  it('an expired token is refused on the socket and cannot be renewed', async () => {
    const relay = await newRelay();
    const { student, plan } = await classWithStudent(relay);
    const { token } = await relay.services.tokens.issue(
      { role: 'student', subject: student.studentId, classIds: [student.classId], deviceId: student.deviceId },
      -10,
    );
    refusedWith((await connectDoc(relay, plan, token)).result, 'token-expired');
    expect(await api(relay, 'POST', '/api/token/renew', { token })).toMatchObject({ status: 401, body: { error: 'token-expired' } });
  });

  it('a token signed with another key is refused', async () => {
    const relay = await newRelay();
    const { student, plan } = await classWithStudent(relay);
    const forged = await new SignJWT({ role: 'student', cls: [student.classId], dev: student.deviceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(student.studentId)
      .setJti(newId())
      .setIssuer('pathbook-relay')
      .setAudience('pathbook')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(randomBytes(32));
    refusedWith((await connectDoc(relay, plan, forged)).result, 'token-invalid');
  });

  it('malformed and missing tokens are refused', async () => {
    const relay = await newRelay();
    const { plan } = await classWithStudent(relay);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"role":"teacher"}').toString('base64url')}.`;
    for (const token of ['garbage', 'a.b.c', unsigned, 'x'.repeat(5000)]) {
      refusedWith((await connectDoc(relay, plan, token)).result, 'token-malformed');
    }
    refusedWith((await connectDoc(relay, plan, '')).result, 'token-missing');
  });

  it('unknown document names are refused, and so is a class the relay does not know', async () => {
    const relay = await newRelay();
    const { teacher } = await classWithStudent(relay);
    const device = newDevice(relay);
    for (const name of ['notes', 'plan:abcd', `class:${newId()}:extra`, 'staff:ABCDEF', `diary:${newId()}`, 'x'.repeat(300), '']) {
      refusedWith(await device.open(name, teacher.token).outcome, 'unknown-document');
    }
    refusedWith(await device.open(docName({ kind: 'class', classId: newId() }), teacher.token).outcome, 'forbidden');
  });

  it('a token is renewed while valid: the new one works and lasts longer', async () => {
    const relay = await newRelay();
    const { student, plan } = await classWithStudent(relay);
    const short = await relay.services.tokens.issue(
      { role: 'student', subject: student.studentId, classIds: [student.classId], deviceId: student.deviceId },
      60,
    );
    const renewed = await api(relay, 'POST', '/api/token/renew', { token: short.token });
    expect(renewed.status).toBe(200);
    expect(renewed.body.expiresAt).toBeGreaterThan(short.expiresAt + 29 * 24 * 3600 * 1000);
    expect((await connectDoc(relay, plan, renewed.body.token)).result.kind).toBe('authenticated');
  });
});

describe('schema version', () => {
  it('a client whose schema the relay cannot serve is refused with "update Pathbook"', async () => {
    const relay = await newRelay();
    const { teacher, cls } = await classWithStudent(relay);
    const name = docName({ kind: 'class', classId: cls.classId });
    for (const [schema, code] of [[999, 'schema-too-new'], [0, 'schema-too-old'], [null, 'schema-too-old']] as const) {
      const conn = await connectDoc({ wsUrl: syncUrl(relay.url, schema) }, name, teacher.token);
      refusedWith(conn.result, code);
      expect(conn.result.kind === 'refused' && conn.result.reason).toContain('update Pathbook');
    }
    expect((await connectDoc(relay, name, teacher.token)).result.kind).toBe('authenticated');
  });
});

describe('read-only documents', () => {
  it("a student's edit to their coach document is not applied on the relay, stored, or passed on", async () => {
    const relay = await newRelay();
    const { teacher, cls, student } = await classWithStudent(relay);
    const coach = docName({ kind: 'coach', classId: cls.classId, studentId: student.studentId });
    const teacherView = await connectDoc(relay, coach, teacher.token);
    await teacherView.whenSynced();
    const studentView = await connectDoc(relay, coach, student.token);
    expect(studentView.result).toEqual({ kind: 'authenticated', scope: 'readonly' });
    await studentView.whenSynced();

    studentView.doc.getMap('checkins').set('forged', 'I agreed to my own goal');
    await waitFor(() => studentView.syncStatuses.includes(false));
    teacherView.doc.getMap('marker').set('after', true);
    await teacherView.whenStored();
    expect(relay.hocuspocus.documents.get(coach)!.getMap('checkins').has('forged')).toBe(false);
    expect(relay.services.documents.read(coach)!.getMap('checkins').has('forged')).toBe(false);
    expect(teacherView.doc.getMap('checkins').has('forged')).toBe(false);
    expect(studentView.provider.unsyncedChanges).toBeGreaterThan(0);
  });
});
