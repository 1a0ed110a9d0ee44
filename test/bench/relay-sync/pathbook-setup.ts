import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { newId } from '../../../src/core';
import { spawnBenchChild } from '../support/child';
import { controlGet } from './control';
import { sameStateVector, decodeSv, digestOf, type DocDigest } from './digest';
import { classDocNames, type School } from './school';

export interface ServerInfo {
  syncUrl: string;
  apiUrl: string;
  controlUrl: string;
}

export const SERVER_SCRIPT = 'test/bench/relay-sync/server.ts';

async function post<T>(apiUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(apiUrl + path, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A teacher's device uploading documents made offline, waiting until the relay has applied them all. */
async function upload(syncUrl: string, token: string, states: [string, Uint8Array][]): Promise<void> {
  const socket = new HocuspocusProviderWebsocket({ url: syncUrl, WebSocketPolyfill: WebSocket });
  const providers = states.map(([name, state]) => {
    const document = new Y.Doc();
    Y.applyUpdate(document, state);
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, document, token });
    provider.attach();
    return provider;
  });
  const deadline = Date.now() + 60_000;
  try {
    while (!providers.every((p) => p.synced && p.unsyncedChanges === 0)) {
      if (Date.now() > deadline) throw new Error('the class upload did not finish in 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    for (const p of providers) {
      p.destroy();
      p.document.destroy();
    }
    socket.destroy();
  }
}

/**
 * The runs must start from exactly the baseline the devices start from: waits until the database
 * holds it (the relay writes a document once its last connection closes).
 */
async function untilStoredAsBaseline(controlUrl: string, school: School): Promise<void> {
  const expected = new Map<string, DocDigest>();
  for (const [name, state] of school.baseline) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    expected.set(name, digestOf(doc));
    doc.destroy();
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    const stored = await controlGet<Record<string, DocDigest>>(controlUrl, '/digest?from=disk');
    const differing = [...expected].filter(([name, want]) => {
      const got = stored[name];
      return !got || got.content !== want.content || !sameStateVector(decodeSv(got.sv), decodeSv(want.sv));
    });
    if (differing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`after setup ${differing.length} documents on disk are not the baseline, e.g. ${differing[0]![0]}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Builds a Pathbook data directory holding the school the way it gets there for real: each
 * teacher signs up, connects their class (made offline) and uploads it; each student joins with
 * the class code on their own device. Returns every device's token, by device label. The relay is
 * then stopped with SIGTERM, which writes every document to SQLite.
 */
export async function preparePathbookData(school: School, dataDir: string): Promise<Map<string, string>> {
  const relay = await spawnBenchChild<ServerInfo>(SERVER_SCRIPT, { BENCH_SERVER: 'pathbook', BENCH_DATA_DIR: dataDir });
  const tokens = new Map<string, string>();
  try {
    for (const [k, cls] of school.classes.entries()) {
      const signup = await post<{ token: string }>(relay.info.apiUrl, '/api/auth/signup', {
        email: `teacher${k}@school.test`, password: 'correct horse battery', name: `Teacher ${k}`, deviceId: newId(),
      });
      tokens.set(`c${k}-teacher`, signup.token);
      const connected = await post<{ joinCode: string }>(relay.info.apiUrl, '/api/classes', { classId: cls.classId, name: cls.className }, signup.token);
      const names = classDocNames(cls);
      const classNames = [names.class, names.staff, ...cls.students.flatMap((s) => [names.plan(s.id), names.coach(s.id)])];
      await upload(relay.info.syncUrl, signup.token, classNames.map((n) => [n, school.baseline.get(n)!]));
      await Promise.all(
        cls.students.map(async (s, i) => {
          const joined = await post<{ token: string }>(relay.info.apiUrl, '/api/join', { code: connected.joinCode, studentId: s.id, deviceId: newId() });
          tokens.set(`c${k}-s${i}`, joined.token);
        }),
      );
    }
    await untilStoredAsBaseline(relay.info.controlUrl, school);
  } catch (error) {
    await relay.stop();
    throw error;
  }
  const code = await relay.stop();
  if (code !== 0) throw new Error(`the setup relay exited with ${code}:\n${relay.output()}`);
  return tokens;
}
