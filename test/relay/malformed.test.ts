import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { docName } from '../../src/core';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../src/relay/config';
import { malformedUpdate } from '../../src/relay/message-guard';
import { api, assertServes, cleanup, connectDoc, newClass, newRelay, newTeacher, waitFor, type TestRelay, type TestTeacher } from './helpers';
import { contentOf } from './devices';

const AUTH = 2;
const SYNC = 0;
const CLOSE = 7;

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}
const authFrame = (name: string, token: string) =>
  frame((e) => { encoding.writeVarString(e, name); encoding.writeVarUint(e, AUTH); encoding.writeVarUint(e, 0); encoding.writeVarString(e, token); });
const syncFrame = (name: string, step: 1 | 2, update: Uint8Array) =>
  frame((e) => { encoding.writeVarString(e, name); encoding.writeVarUint(e, SYNC); encoding.writeVarUint(e, step); encoding.writeVarUint8Array(e, update); });

/** A bare WebSocket client that records every frame it gets and how it was closed. */
async function rawClient(relay: TestRelay) {
  const ws = new WebSocket(relay.wsUrl);
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  ws.on('error', () => {});
  const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
  await new Promise((r, j) => { ws.once('open', r); ws.once('error', j); });
  const types = () => frames.map((f) => { const d = decoding.createDecoder(f); decoding.readVarString(d); return decoding.readVarUint(d); });
  return { ws, frames, closed, types };
}

/** A Yjs update that cannot be decoded: claims five clients, then ends. */
const GARBAGE_UPDATE = new Uint8Array([5, 0xff, 0xff, 0xff, 0x0f, 3, 1]);

let relay: TestRelay;
let teacher: TestTeacher;
let classId: string;
let name: string;

beforeAll(async () => {
  // Hocuspocus logs every frame it cannot decode; here that is the point of the test.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  relay = await newRelay();
  teacher = await newTeacher(relay);
  ({ classId } = await newClass(relay, teacher));
  name = docName({ kind: 'class', classId });
});
afterAll(async () => {
  await cleanup();
  vi.restoreAllMocks();
});

describe('malformed sync traffic leaves the relay serving everyone else', () => {
  it('random bytes', async () => {
    for (let i = 0; i < 20; i++) {
      const client = await rawClient(relay);
      client.ws.send(randomBytes(1 + ((i * 37) % 400)));
      client.ws.send(randomBytes(3));
      await new Promise((r) => setTimeout(r, 10));
      client.ws.terminate();
    }
    await assertServes(relay, teacher, classId);
  });

  it('truncated messages', async () => {
    const good = authFrame(name, teacher.token);
    const update = syncFrame(name, 2, Y.encodeStateAsUpdate(new Y.Doc()));
    for (const cut of [1, 3, Math.floor(good.length / 2), good.length - 1]) {
      const client = await rawClient(relay);
      client.ws.send(good.slice(0, cut));
      client.ws.send(update.slice(0, Math.min(cut, update.length - 1)));
      await new Promise((r) => setTimeout(r, 20));
      client.ws.terminate();
    }
    await assertServes(relay, teacher, classId);
  });

  it('a valid sync frame around a garbage Yjs update: refused whole, the document unharmed', async () => {
    expect(malformedUpdate(syncFrame(name, 2, GARBAGE_UPDATE))).not.toBeNull();
    const watcher = await connectDoc(relay, name, teacher.token);
    await watcher.whenSynced();
    const before = contentOf(relay.hocuspocus.documents.get(name)!);

    const client = await rawClient(relay);
    client.ws.send(authFrame(name, teacher.token));
    await waitFor(() => client.frames.length > 0);
    client.ws.send(syncFrame(name, 2, GARBAGE_UPDATE));
    client.ws.send(syncFrame(name, 1, GARBAGE_UPDATE));
    await waitFor(() => client.types().includes(CLOSE));
    client.ws.terminate();

    expect(contentOf(relay.hocuspocus.documents.get(name)!)).toBe(before);
    // The good connection on the same document still syncs both ways.
    watcher.doc.getMap('probe').set('after-garbage', true);
    await watcher.whenStored();
    await assertServes(relay, teacher, classId);
  });

  it('random Yjs updates from an authenticated client never break the document', async () => {
    for (let i = 0; i < 30; i++) {
      const client = await rawClient(relay);
      client.ws.send(authFrame(name, teacher.token));
      await waitFor(() => client.frames.length > 0);
      client.ws.send(syncFrame(name, 2, randomBytes(5 + i * 7)));
      await new Promise((r) => setTimeout(r, 10));
      client.ws.terminate();
    }
    const onRelay = relay.hocuspocus.documents.get(name);
    if (onRelay) Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(onRelay));
    await assertServes(relay, teacher, classId);
  });

  it('an oversized message closes only that socket (1009)', async () => {
    const watcher = await connectDoc(relay, name, teacher.token);
    await watcher.whenSynced();
    const client = await rawClient(relay);
    client.ws.send(authFrame(name, teacher.token));
    client.ws.send(new Uint8Array(DEFAULT_MAX_MESSAGE_BYTES + 1));
    expect(await client.closed).toBe(1009);
    watcher.doc.getMap('probe').set('after-oversized', true);
    await watcher.whenSynced();
    expect(watcher.provider.isAuthenticated).toBe(true);
    await assertServes(relay, teacher, classId);
  });

  it('a text frame closes that socket (1003)', async () => {
    const client = await rawClient(relay);
    client.ws.send('hello');
    expect(await client.closed).toBe(1003);
    await assertServes(relay, teacher, classId);
  });

  it('an upgrade on another path is refused', async () => {
    const ws = new WebSocket(relay.url.replace('http', 'ws') + '/elsewhere');
    const failed = await new Promise<string>((r) => { ws.on('error', (e) => r(e.message)); ws.on('open', () => r('opened')); });
    expect(failed).toContain('404');
  });
});

describe('bad HTTP bodies get a clear JSON error and change nothing', () => {
  const signup = '/api/auth/signup';
  it.each([
    ['invalid JSON', '{"email": ', 400, 'invalid-json'],
    ['JSON that is not an object', '[1,2,3]', 400, 'invalid-body'],
    ['wrong types', JSON.stringify({ email: 42, password: true, name: null, deviceId: [] }), 400, 'invalid-body'],
    ['missing fields', '{}', 400, 'invalid-body'],
    ['an empty body', '', 400, 'invalid-body'],
    ['a body over 64 KB', JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(70_000), name: 'n', deviceId: 'abcdef' }), 413, 'body-too-large'],
  ])('%s', async (_label, body, status, error) => {
    const res = await api(relay, 'POST', signup, { body });
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error, message: expect.any(String) });
    expect((relay.db.prepare('SELECT COUNT(*) AS n FROM teachers').get() as { n: number }).n).toBe(1);
  });

  it('a declared length over the limit is refused before reading', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${relay.url}${signup}`, { method: 'POST', headers: { 'content-length': String(10 * 1024 * 1024), 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"email":');
    });
    expect(status).toBe(413);
  });

  it('unknown routes, wrong methods and broken paths', async () => {
    expect(await api(relay, 'GET', '/api/nothing-here')).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect(await api(relay, 'DELETE', '/api/auth/signup')).toMatchObject({ status: 405, body: { error: 'method-not-allowed' } });
    expect(await api(relay, 'GET', '/api/join/%E0%A4%A?deviceId=abcdef')).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect(await api(relay, 'GET', `/api/classes/${'x'.repeat(50)}/join-code`, { token: teacher.token })).toMatchObject({ status: 400, body: { error: 'invalid-id' } });
    await assertServes(relay, teacher, classId);
  });
});
