import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { startRelay, type Relay } from '../../src/relay/relay';
import type { RelayOptions } from '../../src/relay/config';
import { SCHEMA_VERSION, classDocument, docName, initMeta, newId } from '../../src/core';
import { onCleanup } from './wait';
import { newDevice } from './sync-client';

export * from './wait';
export * from './sync-client';

// ---- relay and HTTP --------------------------------------------------------------------------

/** Where a relay is: enough for the HTTP and sync helpers (an in-process or a child-process relay). */
export interface RelayAddress {
  url: string;
  wsUrl: string;
}

export interface TestRelay extends Relay {
  dataDir: string;
  wsUrl: string;
}

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pathbook-relay-'));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export function syncUrl(baseUrl: string, schema: number | null = SCHEMA_VERSION): string {
  const ws = `${baseUrl.replace(/^http/, 'ws')}/sync`;
  return schema === null ? ws : `${ws}?schema=${schema}`;
}

/**
 * A relay on 127.0.0.1, a free port and a temp data dir. Saves after 50 ms unless a test sets the
 * debounce; hashes passwords at the lowest cost (2^10, ~3 ms) unless a test sets it.
 */
export async function newRelay(options: RelayOptions = {}): Promise<TestRelay> {
  const dataDir = options.dataDir ?? (await tempDir());
  const relay = await startRelay({
    port: 0,
    host: '127.0.0.1',
    quiet: true,
    distDir: join(dataDir, 'no-dist'),
    saveDebounceMs: 50,
    saveMaxDebounceMs: 200,
    passwordHashCost: 10,
    ...options,
    dataDir,
  });
  onCleanup(() => relay.close());
  return Object.assign(relay, { dataDir, wsUrl: syncUrl(relay.url) });
}

export interface ApiReply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Record<string, string>;
}

/** A JSON request; `body` may be a string to send it raw (bad JSON tests). */
export async function api<T = Record<string, any>>(
  relay: { url: string },
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<ApiReply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const res = await fetch(relay.url + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: Object.fromEntries(res.headers) };
}

// ---- people ----------------------------------------------------------------------------------

export interface TestTeacher {
  id: string;
  email: string;
  password: string;
  deviceId: string;
  token: string;
}

export async function newTeacher(relay: { url: string }, name = 'Ms Rivera'): Promise<TestTeacher> {
  const email = `${newId(8)}@school.test`;
  const password = 'correct horse battery';
  const deviceId = newId();
  const res = await api(relay, 'POST', '/api/auth/signup', { body: { email, password, name, deviceId } });
  if (res.status !== 201) throw new Error(`sign up failed: ${JSON.stringify(res.body)}`);
  return { id: res.body.teacher.id, email, password, deviceId, token: res.body.token };
}

export interface TestClass {
  classId: string;
  joinCode: string;
  students: { id: string; displayName: string }[];
  /** The teacher device's replica of the class document. */
  classDoc: Y.Doc;
}

/** A class made "offline" on the teacher's device (meta, name, roster), connected and uploaded (applied on the relay). */
export async function newClass(relay: RelayAddress, teacher: TestTeacher, names: string[] = ['Ana', 'Ben']): Promise<TestClass> {
  const classId = newId();
  const classDoc = new Y.Doc();
  initMeta(classDoc, { kind: 'class', classId });
  const c = classDocument(classDoc);
  c.settings.write({ name: 'Year 7 Maths' });
  const students = names.map((displayName) => ({ id: c.students.add({ displayName, language: 'en', archived: false }), displayName }));
  const res = await api(relay, 'POST', '/api/classes', { token: teacher.token, body: { classId, name: 'Year 7 Maths' } });
  if (res.status !== 201) throw new Error(`connect class failed: ${JSON.stringify(res.body)}`);
  const device = newDevice(relay);
  const conn = device.open(docName({ kind: 'class', classId }), teacher.token, classDoc);
  await conn.whenSynced();
  device.close();
  return { classId, joinCode: res.body.joinCode, students, classDoc };
}

export interface TestStudent {
  studentId: string;
  deviceId: string;
  token: string;
  classId: string;
}

export async function enrolStudent(relay: { url: string }, joinCode: string, studentId: string, deviceId = newId()): Promise<TestStudent> {
  const res = await api(relay, 'POST', '/api/join', { body: { code: joinCode, studentId, deviceId } });
  if (res.status !== 200) throw new Error(`join failed: ${JSON.stringify(res.body)}`);
  return { studentId, deviceId, token: res.body.token, classId: res.body.classId };
}
