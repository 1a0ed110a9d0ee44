import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { startRelay, type Relay } from '../../src/relay/relay';
import type { RelayOptions } from '../../src/relay/config';
import { parseStoredMessage, storedCovers, type StoredMessage } from '../../src/relay/stored-message';
import { SCHEMA_VERSION, classDocument, docName, initMeta, newId } from '../../src/core';

// ---- waiting ---------------------------------------------------------------------------------

/** Retries an assertion (or a truthy check) until it passes or the time is up; then throws the last failure. */
export async function waitFor<T>(check: () => T | Promise<T>, { timeout = 5_000, interval = 20 } = {}): Promise<Exclude<NonNullable<T>, false>> {
  const deadline = Date.now() + timeout;
  let last: unknown = new Error('waitFor: condition never became true');
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== false && value !== undefined && value !== null) return value as Exclude<NonNullable<T>, false>;
      last = new Error('waitFor: condition never became true');
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw last;
}

// ---- cleanup ---------------------------------------------------------------------------------

const cleanups: (() => Promise<void> | void)[] = [];

/** Call from afterEach: destroys every provider, socket and relay the helpers made, newest first. */
export async function cleanup(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!();
}

export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

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

/** A relay on 127.0.0.1, a free port and a temp data dir. Saves after 50 ms unless a test sets the debounce. */
export async function newRelay(options: RelayOptions = {}): Promise<TestRelay> {
  const dataDir = options.dataDir ?? (await tempDir());
  const relay = await startRelay({
    port: 0,
    host: '127.0.0.1',
    quiet: true,
    distDir: join(dataDir, 'no-dist'),
    saveDebounceMs: 50,
    saveMaxDebounceMs: 200,
    ...options,
    dataDir,
  });
  onCleanup(() => relay.close());
  return Object.assign(relay, { dataDir, wsUrl: syncUrl(relay.url) });
}

export interface ApiReply<T = Record<string, unknown>> {
  status: number;
  body: T;
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
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
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

// ---- sync clients ----------------------------------------------------------------------------

export type Outcome = { kind: 'authenticated'; scope: string } | { kind: 'refused'; reason: string };

export interface DocConnection {
  name: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  outcome: Promise<Outcome>;
  stored: StoredMessage[];
  /** Sync-status replies: true when the relay applied an update, false when it refused it (read-only). */
  syncStatuses: boolean[];
  /** Resolves once synced and every local change is acknowledged. */
  whenSynced(timeout?: number): Promise<void>;
  /** Resolves once a "stored" message covers everything this replica holds. */
  whenStored(timeout?: number): Promise<StoredMessage>;
}

export interface TestDevice {
  socket: HocuspocusProviderWebsocket;
  open(name: string, token: string, doc?: Y.Doc): DocConnection;
  close(): void;
}

const SYNC_STATUS = 8;

/** One device: one socket shared by its documents (each provider must `attach()`). */
export function newDevice(relay: { wsUrl: string } | string): TestDevice {
  const url = typeof relay === 'string' ? relay : relay.wsUrl;
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 500 });
  const providers: HocuspocusProvider[] = [];
  let closed = false;
  const device: TestDevice = {
    socket,
    open(name, token, doc = new Y.Doc()) {
      const stored: StoredMessage[] = [];
      const syncStatuses: boolean[] = [];
      let settle: (o: Outcome) => void = () => {};
      const outcome = new Promise<Outcome>((r) => (settle = r));
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document: doc,
        token,
        onAuthenticated: ({ scope }) => settle({ kind: 'authenticated', scope }),
        onAuthenticationFailed: ({ reason }) => settle({ kind: 'refused', reason }),
        onStateless: ({ payload }) => {
          const message = parseStoredMessage(payload);
          if (message) stored.push(message);
        },
      });
      provider.on('message', ({ event }: { event: MessageEvent }) => {
        const decoder = decoding.createDecoder(new Uint8Array(event.data as ArrayBuffer));
        decoding.readVarString(decoder);
        if (decoding.readVarUint(decoder) === SYNC_STATUS) syncStatuses.push(decoding.readVarInt(decoder) === 1);
      });
      provider.attach();
      providers.push(provider);
      return {
        name,
        doc,
        provider,
        outcome,
        stored,
        syncStatuses,
        whenSynced: (timeout = 5_000) => waitFor(() => provider.synced && provider.unsyncedChanges === 0, { timeout }).then(() => {}),
        whenStored: (timeout = 8_000) => waitFor(() => stored.find((m) => storedCovers(m, doc)), { timeout }),
      };
    },
    close() {
      if (closed) return;
      closed = true;
      for (const p of providers) p.destroy();
      socket.destroy();
    },
  };
  onCleanup(() => device.close());
  return device;
}

/** Opens one document and waits for the relay's answer. */
export async function connectDoc(relay: { wsUrl: string }, name: string, token: string, doc?: Y.Doc): Promise<DocConnection & { result: Outcome }> {
  const conn = newDevice(relay).open(name, token, doc);
  return { ...conn, result: await conn.outcome };
}

/** A well-behaved client still gets served: opens a class document as its teacher and syncs an edit. */
export async function assertServes(relay: TestRelay, teacher: TestTeacher, classId: string): Promise<void> {
  const conn = await connectDoc(relay, docName({ kind: 'class', classId }), teacher.token);
  if (conn.result.kind !== 'authenticated') throw new Error(`relay refused a good client: ${JSON.stringify(conn.result)}`);
  await conn.whenSynced();
  const marker = newId();
  conn.doc.getMap('probe').set(marker, true);
  await waitFor(() => relay.hocuspocus.documents.get(conn.name)?.getMap('probe').get(marker) === true);
}
