import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/core';
import { isRelayError, relayApi, RelayError } from '../../src/sync';
import { cleanup, newClass, newRelay, onCleanup } from '../relay/helpers';

afterEach(cleanup);

async function rejection(promise: Promise<unknown>): Promise<RelayError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isRelayError(error)) throw new Error(`expected a RelayError, got ${String(error)}`);
  return error;
}

/** A server that answers every request with `status` and `body` (a captive portal, a misconfigured proxy). */
async function fakeServer(status: number, body: string, type = 'text/html'): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(status, { 'content-type': type }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onCleanup(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('relay API', () => {
  it('a teacher signs up, connects a class, shares its code; a student joins; the teacher sees and revokes the device; family links', async () => {
    const relay = await newRelay();
    const url = relay.url + '/';
    expect(await relayApi.health(url)).toEqual({ ok: true, schema: { min: 1, max: 1 } });
    const deviceId = newId();
    const session = await relayApi.signUp(url, { email: `${newId(8)}@school.test`, password: 'correct horse battery', name: 'Ms Rivera', deviceId });
    expect(session.teacher.name).toBe('Ms Rivera');
    expect(session.classes).toEqual([]);
    const again = await relayApi.signIn(url, { email: session.teacher.email, password: 'correct horse battery', deviceId });
    expect(again.teacher.id).toBe(session.teacher.id);

    const teacher = { id: session.teacher.id, email: session.teacher.email, password: '', deviceId, token: session.token };
    const cls = await newClass(relay, teacher, ['Ana', 'Ben']);
    expect(await relayApi.connectClass(url, teacher.token, { classId: cls.classId, name: 'Year 7 Maths' })).toMatchObject({ classId: cls.classId, created: false });
    expect(await relayApi.listClasses(url, teacher.token)).toEqual([{ classId: cls.classId, name: 'Year 7 Maths', joinCode: cls.joinCode }]);
    const code = await relayApi.joinCode(url, teacher.token, cls.classId);
    expect(code.code).toBe(cls.joinCode);
    expect(code.qrSvg).toContain('<svg');

    const studentDevice = newId();
    const lookup = await relayApi.lookUpJoinCode(url, code.code, studentDevice);
    expect(lookup.students.map((s) => s.displayName).sort()).toEqual(['Ana', 'Ben']);
    const ana = lookup.students.find((s) => s.displayName === 'Ana')!;
    const answer = await relayApi.joinClass(url, { code: code.code, studentId: ana.id, deviceId: studentDevice });
    if ('waiting' in answer) throw new Error('the first device to claim a name gets it');
    const joined = answer;
    expect(joined).toMatchObject({ classId: cls.classId, studentId: ana.id, displayName: 'Ana' });
    expect(joined.documents).toContain(`plan:${cls.classId}:${ana.id}`);
    expect(await relayApi.me(url, joined.token)).toMatchObject({ role: 'student', subject: ana.id, classIds: [cls.classId], deviceId: studentDevice });
    const renewed = await relayApi.renewToken(url, joined.token);
    expect(renewed.expiresAt).toBeGreaterThan(Date.now());

    // A second device for Ana waits for the teacher, who sees it and approves it.
    const tablet = newId();
    const waiting = await relayApi.joinClass(url, { code: code.code, studentId: ana.id, deviceId: tablet, deviceName: 'Tablet 3' });
    expect(waiting).toMatchObject({ waiting: true, displayName: 'Ana' });
    const requests = await relayApi.listJoinRequests(url, teacher.token, cls.classId);
    expect(requests).toEqual([expect.objectContaining({ studentId: ana.id, displayName: 'Ana', deviceName: 'Tablet 3' })]);
    expect(await relayApi.decideJoinRequest(url, teacher.token, cls.classId, requests[0]!.id, 'approve')).toMatchObject({ decision: 'approved' });
    expect(await relayApi.joinClass(url, { code: code.code, studentId: ana.id, deviceId: tablet })).toMatchObject({ token: expect.any(String) });
    await relayApi.revokeDevice(url, teacher.token, cls.classId, tablet);

    const devices = (await relayApi.listDevices(url, teacher.token, cls.classId)).filter((d) => d.deviceId !== tablet);
    expect(devices).toEqual([expect.objectContaining({ deviceId: studentDevice, studentId: ana.id, revokedAt: null })]);
    expect((await relayApi.revokeDevice(url, teacher.token, cls.classId, studentDevice)).revoked).toBe(1);
    const refused = await rejection(relayApi.me(url, joined.token));
    expect([refused.status, refused.code]).toEqual([401, 'device-revoked']);

    const link = await relayApi.createFamilyLink(url, teacher.token, cls.classId, ana.id, 'es');
    expect(link.language).toBe('es');
    expect(await relayApi.familyPage(url, link.token)).toMatchObject({ student: { id: ana.id, displayName: 'Ana' }, className: 'Year 7 Maths', goals: [] });
    expect((await relayApi.listFamilyLinks(url, teacher.token, cls.classId, ana.id)).map((l) => l.id)).toEqual([link.linkId]);
    await relayApi.revokeFamilyLink(url, teacher.token, cls.classId, ana.id, link.linkId);
    expect((await rejection(relayApi.familyPage(url, link.token))).code).toBe('unknown-link');
  });

  it("the relay's refusals keep their status, code and sentence", async () => {
    const relay = await newRelay();
    const wrong = await rejection(relayApi.signIn(relay.url, { email: 'nobody@school.test', password: 'not the password', deviceId: newId() }));
    expect(wrong).toBeInstanceOf(RelayError);
    expect(wrong.status).toBe(401);
    expect(wrong.code).toBe('wrong-password');
    expect(wrong.message.length).toBeGreaterThan(10);
    const noToken = await rejection(relayApi.me(relay.url, ''));
    expect(noToken.code).toBe('token-missing');
    const badCode = await rejection(relayApi.lookUpJoinCode(relay.url, 'ZZZZZZ', newId()));
    expect(badCode.status).toBe(404);
  });

  it('no answer is `unreachable`; an answer that is not the relay is `bad-answer`', async () => {
    const relay = await newRelay();
    const closedUrl = relay.url;
    await relay.close();
    const down = await rejection(relayApi.health(closedUrl));
    expect([down.status, down.code]).toEqual([0, 'unreachable']);

    const portal = await fakeServer(200, '<html>Sign in to the school Wi-Fi</html>');
    expect((await rejection(relayApi.health(portal))).code).toBe('bad-answer');
    const proxyError = await fakeServer(502, '<html>Bad gateway</html>');
    const bad = await rejection(relayApi.signIn(proxyError, { email: 'a@b.c', password: 'x', deviceId: newId() }));
    expect([bad.status, bad.code]).toEqual([502, 'bad-answer']);
    // JSON of the wrong shape: a clear error, not a crash later on a missing field.
    const wrongShape = await fakeServer(200, JSON.stringify({ token: 42 }), 'application/json');
    const shape = await rejection(relayApi.renewToken(wrongShape, 'token'));
    expect(shape.code).toBe('bad-answer');
    expect(shape.message).toContain('token');
  });
});
