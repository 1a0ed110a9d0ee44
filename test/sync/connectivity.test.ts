import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { docName, planDocument, type DocRef } from '../../src/core';
import { cleanup, enrolStudent, newClass, newRelay, newTeacher, tempDir, waitFor } from '../relay/helpers';
import { spawnRelay } from '../relay/child-relay';
import { newSyncDevice, pendingOf, states, storedOnRelay, waitForState, waitForStored } from './helpers';

afterEach(cleanup);

async function classroom() {
  const relay = await newRelay();
  const teacher = await newTeacher(relay);
  const cls = await newClass(relay, teacher, ['Ana']);
  const ana = await enrolStudent(relay, cls.joinCode, cls.students[0]!.id);
  const planRef: DocRef = { kind: 'plan', classId: cls.classId, studentId: ana.studentId };
  return { relay, cls, ana, planRef, plan: docName(planRef) };
}

const goal = (title: string) => ({ title, startDate: '2026-11-01', targetDate: '2026-12-01', createdAt: 1 });
const titles = (doc: Parameters<typeof planDocument>[0]) => planDocument(doc).goals.list().map((g) => g.title);

describe('SyncSession: connectivity', () => {
  it('an edit made while the relay is down syncs once it is back (same data directory)', async () => {
    const { relay, cls, ana, plan } = await classroom();
    const s = await newSyncDevice(relay, { token: ana.token, classIds: [cls.classId] });
    await waitForStored(s);
    await relay.close();
    await waitForState(s, 'unreachable');

    planDocument(s.store.get(plan)!.doc).goals.add(goal('Written while the relay was down'));
    await waitFor(async () => (await pendingOf(s, plan)) > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(s.session.status()).toMatchObject({ state: 'unreachable', pendingDocs: 1, unstoredDocs: 1 });

    const again = await newRelay({ dataDir: relay.dataDir, port: relay.port });
    await waitForStored(s);
    expect(titles(storedOnRelay(again, plan)!)).toEqual(['Written while the relay was down']);
    expect(states(s)).toContain('connecting');
  });

  it('a relay killed before saving loses the edit; the device still holds it, sends it again, and only then says stored', async () => {
    const dataDir = await tempDir();
    // A save window wide enough that the kill lands inside it.
    const first = await spawnRelay(dataDir, 0, { PATHBOOK_SAVE_DEBOUNCE_MS: '30000', PATHBOOK_SAVE_MAX_DEBOUNCE_MS: '60000' });
    const teacher = await newTeacher(first);
    const cls = await newClass(first, teacher, ['Ana']);
    const ana = await enrolStudent(first, cls.joinCode, cls.students[0]!.id);
    const plan = docName({ kind: 'plan', classId: cls.classId, studentId: ana.studentId });
    const s = await newSyncDevice(first, { token: ana.token, classIds: [cls.classId] });
    await waitForState(s, 'synced');
    planDocument(s.store.get(plan)!.doc).goals.add(goal('Acknowledged, not saved'));
    await waitFor(async () => s.session.status().state === 'synced' && (await pendingOf(s, plan)) === 0);
    // Acknowledged is not stored: the relay has it only in memory.
    expect(s.session.status().unstoredDocs).toBeGreaterThan(0);

    first.process.kill('SIGKILL');
    await first.exited;
    await waitForState(s, 'unreachable');
    const back = await newRelay({ dataDir, port: first.port });
    expect(storedOnRelay(back, plan) === null || titles(storedOnRelay(back, plan)!).length === 0).toBe(true);
    await waitForStored(s);
    expect(titles(storedOnRelay(back, plan)!)).toEqual(['Acknowledged, not saved']);
  });

  it('offline and online events: offline is reported at once, online reconnects at once (not after the backoff)', async () => {
    const { relay, cls, ana, plan } = await classroom();
    // A backoff long enough that only the online event can explain a quick reconnect.
    const s = await newSyncDevice(relay, { token: ana.token, classIds: [cls.classId], online: false, retry: { delay: 60_000, maxDelay: 60_000 } });
    await waitFor(() => s.store.get(plan) !== undefined);
    expect(s.session.status().state).toBe('offline');
    planDocument(s.store.get(plan)!.doc).goals.add(goal('Offline goal'));
    const firstSync = s.session.whenFirstSynced(plan);
    let firstSynced = false;
    void firstSync.then(() => (firstSynced = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(firstSynced).toBe(false);

    s.network.goOnline();
    await waitForStored(s, 5_000);
    expect(firstSynced).toBe(true);

    s.network.goOffline();
    expect(s.session.status().state).toBe('offline');
    planDocument(s.store.get(plan)!.doc).goals.add(goal('Second offline goal'));
    await new Promise((r) => setTimeout(r, 300));
    expect(relay.hocuspocus.documents.get(plan)?.getConnectionsCount() ?? 0).toBe(0);
    expect(s.session.status().state).toBe('offline');

    // The relay goes away and comes back while the device is online: the first attempt fails,
    // the next would wait a minute; the browser's online event makes it try at once.
    const started = Date.now();
    await relay.close();
    s.network.goOnline();
    await waitForState(s, 'unreachable', 5_000);
    const back = await newRelay({ dataDir: relay.dataDir, port: relay.port });
    s.network.goOnline();
    await waitForStored(s, 5_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(titles(storedOnRelay(back, plan)!).sort()).toEqual(['Offline goal', 'Second offline goal']);
  });
});

describe('SyncSession: an idle socket', () => {
  it('stays open with nothing to sync (keep-alive round trips), where without them it would be dropped', async () => {
    const { relay, cls, ana } = await classroom();
    // A socket that hears nothing for 1 s is closed by the provider (30 s in real use).
    const alive = await newSyncDevice(relay, { token: ana.token, classIds: [cls.classId], silenceTimeoutMs: 1_000, keepAliveMs: 200 });
    const silent = await newSyncDevice(relay, { token: ana.token, classIds: [cls.classId], silenceTimeoutMs: 1_000, keepAliveMs: 60_000 });
    await waitForStored(alive);
    await waitForStored(silent);
    const [aliveBefore, silentBefore] = [alive.statuses.length, silent.statuses.length];
    await waitFor(() => states(silent).slice(silentBefore).includes('connecting'), { timeout: 5_000 });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(states(alive).slice(aliveBefore)).not.toContain('connecting');
    expect(alive.session.status().state).toBe('synced');
  });
});
