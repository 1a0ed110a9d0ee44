import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../src/relay/blobs';
import { cleanup, enrolStudent, newClass, newRelay, newTeacher, type TestRelay } from './helpers';
import { photo } from './photo-fixtures';

afterEach(cleanup);

/** A small real JPEG, different for each `variant`. */
const jpeg = (variant: number, size?: number) => photo(variant, size);
const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function send(relay: TestRelay, method: string, path: string, token: string | null, body?: Uint8Array) {
  const headers: Record<string, string> = { 'content-type': 'image/jpeg' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(relay.url + path, { method, headers, body: body as BodyInit | undefined });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(new TextDecoder().decode(bytes)) : null;
  return { status: res.status, type: res.headers.get('content-type'), bytes, json };
}

async function setUp() {
  const relay = await newRelay();
  const teacher = await newTeacher(relay);
  const cls = await newClass(relay, teacher, ['Ana', 'Ben']);
  const [ana, ben] = cls.students;
  const anaDevice = await enrolStudent(relay, cls.joinCode, ana!.id);
  const benDevice = await enrolStudent(relay, cls.joinCode, ben!.id);
  const path = (studentId: string, hash: string) => `/api/classes/${cls.classId}/students/${studentId}/blobs/${hash}`;
  return { relay, teacher, cls, ana: ana!, ben: ben!, anaDevice, benDevice, path };
}

describe('photos on the relay', () => {
  it('a student uploads a photo; they and the class teacher fetch it, byte for byte', async () => {
    const { relay, teacher, ana, anaDevice, path } = await setUp();
    const photo = jpeg(7);
    const put = await send(relay, 'PUT', path(ana.id, hashOf(photo)), anaDevice.token, photo);
    expect(put).toMatchObject({ status: 201, json: { hash: hashOf(photo), size: photo.length, stored: true } });
    expect((await send(relay, 'PUT', path(ana.id, hashOf(photo)), anaDevice.token, photo)).status).toBe(200);

    for (const token of [anaDevice.token, teacher.token]) {
      const got = await send(relay, 'GET', path(ana.id, hashOf(photo)), token);
      expect(got.status).toBe(200);
      expect(got.type).toBe('image/jpeg');
      expect(got.bytes).toEqual(photo);
    }
  });

  it('refuses a body that does not match its hash, one too large, and one that is not a photo', async () => {
    const { relay, ana, anaDevice, path } = await setUp();
    const photo = jpeg(1);
    const mismatch = await send(relay, 'PUT', path(ana.id, hashOf(jpeg(2))), anaDevice.token, photo);
    expect(mismatch).toMatchObject({ status: 400, json: { error: 'hash-mismatch' } });
    const big = jpeg(3, MAX_PHOTO_BYTES + 1);
    expect((await send(relay, 'PUT', path(ana.id, hashOf(big)), anaDevice.token, big)).json?.error).toBe('photo-too-large');
    const text = new TextEncoder().encode('<script>alert(1)</script>');
    expect((await send(relay, 'PUT', path(ana.id, hashOf(text)), anaDevice.token, text)).json?.error).toBe('not-a-photo');
    expect((await send(relay, 'PUT', path(ana.id, 'not-a-hash'), anaDevice.token, photo)).json?.error).toBe('invalid-hash');
    // Nothing of those was kept.
    expect((await send(relay, 'GET', path(ana.id, hashOf(jpeg(2))), anaDevice.token)).status).toBe(404);
  });

  it('another student, another teacher and no token get nothing', async () => {
    const { relay, ana, ben, anaDevice, benDevice, path } = await setUp();
    const photo = jpeg(5);
    await send(relay, 'PUT', path(ana.id, hashOf(photo)), anaDevice.token, photo);
    expect((await send(relay, 'GET', path(ana.id, hashOf(photo)), benDevice.token)).status).toBe(404);
    expect((await send(relay, 'PUT', path(ana.id, hashOf(jpeg(6))), benDevice.token, jpeg(6))).status).toBe(404);
    const stranger = await newTeacher(relay, 'Mr Other');
    expect((await send(relay, 'GET', path(ana.id, hashOf(photo)), stranger.token)).status).toBe(404);
    expect((await send(relay, 'GET', path(ana.id, hashOf(photo)), null)).status).toBe(401);
    expect((await send(relay, 'GET', path(ben.id, hashOf(photo)), benDevice.token)).status).toBe(404);
  });
});
