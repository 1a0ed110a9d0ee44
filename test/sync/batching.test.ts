import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { docName, planDocument, studentDocs, classDocs } from '../../src/core';
import { cleanup, newClass, newDevice, newRelay, newTeacher, waitFor } from '../relay/helpers';
import { newSyncDevice, states, storedOnRelay, waitForStored } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
  return cleanup();
});

const names = Array.from({ length: 60 }, (_, i) => `Student ${i + 1}`);

/** Hocuspocus warns before closing a socket with too many documents waiting for authentication. */
function watchPendingLimit() {
  const warn = vi.spyOn(console, 'warn');
  return () => warn.mock.calls.filter((args) => String(args[0]).includes('maxPendingDocuments')).length;
}

describe('SyncSession: many documents on one socket', () => {
  it('a teacher with 122 documents, each edited offline, syncs them all without the relay closing the socket', async () => {
    const relay = await newRelay();
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher, names);
    const t = await newSyncDevice(relay, { token: teacher.token, start: false });
    const refs = [...classDocs(cls.classId), ...cls.students.flatMap((s) => studentDocs(cls.classId, s.id))];
    expect(refs.length).toBe(122);
    for (const student of cls.students) {
      planDocument(await t.open({ kind: 'plan', classId: cls.classId, studentId: student.id })).goals.add({
        title: `Goal for ${student.displayName}`,
        startDate: '2026-11-01',
        targetDate: '2026-12-01',
        createdAt: 1,
      });
    }
    const closedSockets = watchPendingLimit();
    const started = Date.now();
    t.session.start();
    await waitForStored(t, 60_000);
    const ms = Date.now() - started;

    expect(closedSockets()).toBe(0);
    const afterFirstSync = states(t).slice(states(t).indexOf('syncing'));
    expect(afterFirstSync).not.toContain('connecting');
    expect(afterFirstSync).not.toContain('unreachable');
    for (const ref of refs) expect(relay.hocuspocus.documents.has(docName(ref))).toBe(true);
    for (const student of cls.students) {
      const stored = storedOnRelay(relay, docName({ kind: 'plan', classId: cls.classId, studentId: student.id }));
      expect(planDocument(stored!).goals.list().map((g) => g.title)).toEqual([`Goal for ${student.displayName}`]);
    }
    console.info(`122 documents synced and stored in ${ms} ms`);
  });

  it('when the socket comes back (offline, then online) or the relay closes every document, the 122 are attached again a window at a time', async () => {
    const relay = await newRelay();
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher, names);
    const t = await newSyncDevice(relay, { token: teacher.token, classIds: [cls.classId] });
    const connectedDocs = () => [...relay.hocuspocus.documents.values()].filter((d) => d.getConnectionsCount() > 0).length;
    await waitForStored(t, 60_000);
    expect(connectedDocs()).toBe(122);
    expect(relay.hocuspocus.getConnectionsCount()).toBe(1); // one socket
    const closedSockets = watchPendingLimit();

    t.network.goOffline();
    await waitFor(() => connectedDocs() === 0);
    let before = t.statuses.length;
    t.network.goOnline();
    await waitFor(() => states(t).slice(before).includes('syncing'));
    await waitForStored(t, 60_000);
    await waitFor(() => connectedDocs() === 122);

    before = t.statuses.length;
    relay.hocuspocus.closeConnections();
    await waitFor(() => states(t).slice(before).includes('syncing'));
    await waitForStored(t, 60_000);
    await waitFor(() => connectedDocs() === 122);
    expect(closedSockets()).toBe(0);
  });

  it('control: the same documents attached all at once make the relay close the socket', async () => {
    const relay = await newRelay();
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher, names);
    const closedSockets = watchPendingLimit();
    const device = newDevice(relay);
    for (const student of cls.students) for (const ref of studentDocs(cls.classId, student.id)) device.open(docName(ref), teacher.token);
    await waitFor(() => closedSockets() > 0, { timeout: 10_000 });
  });
});
