import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docName, newId } from '../../src/core';
import { DocumentRows } from '../../src/relay/persistence';
import { STORE_FAILED_MESSAGE } from '../../src/protocol/store-failed-message';
import { api, cleanup, connectDoc, enrolStudent, newClass, newDevice, newRelay, newTeacher, tempDir, waitFor } from './helpers';
import { canMountTmpfs, injectedDisk, tmpfsDisk, type TestDisk } from './full-disk';
import { photo as realPhoto } from './photo-fixtures';

afterEach(cleanup);

const disks: { kind: TestDisk['kind']; make: () => Promise<TestDisk> | TestDisk; skip: boolean }[] = [
  { kind: 'injected', make: async () => injectedDisk(await tempDir()), skip: false },
  { kind: 'tmpfs', make: () => tmpfsDisk(), skip: !canMountTmpfs() },
];

describe.each(disks)('a full disk ($kind)', ({ make, skip }) => {
  it.skipIf(skip)('keeps serving access and reads, never claims "stored", and stores every edit by itself once space returns', async () => {
    const disk = await make();
    const relay = await newRelay({ dataDir: disk.dataDir, saveDebounceMs: 100, saveMaxDebounceMs: 400 });
    const teacher = await newTeacher(relay);
    const cls = await newClass(relay, teacher);
    const ana = cls.students[0]!;
    const student = await enrolStudent(relay, cls.joinCode, ana.id);
    const planName = docName({ kind: 'plan', classId: cls.classId, studentId: ana.id });
    const staffName = docName({ kind: 'staff', classId: cls.classId });

    const teacherDevice = newDevice(relay);
    const plan = teacherDevice.open(planName, teacher.token);
    const staff = teacherDevice.open(staffName, teacher.token);
    const failedNotices: string[] = [];
    for (const conn of [plan, staff]) conn.provider.on('stateless', ({ payload }: { payload: string }) => payload === STORE_FAILED_MESSAGE && failedNotices.push(conn.name));
    plan.doc.getText('before').insert(0, 'written before the disk filled');
    await plan.whenSynced();
    await plan.whenStored();
    await staff.whenSynced();
    // Every device was last seen long ago: the next access check would like to write "last seen".
    relay.db.prepare('UPDATE devices SET last_seen_at = 0').run();

    disk.fill(relay.db);
    const storedBefore = plan.stored.length + staff.stored.length;

    // Edits keep arriving while nothing can be written: each is acknowledged (held in memory), none "stored".
    const edits = 40;
    for (let i = 0; i < edits; i++) {
      (i % 2 ? staff : plan).doc.getMap('during').set(`edit-${i}`, `while the disk was full ${i}`);
      if (i % 10 === 9) await Promise.all([plan.whenSynced(15_000), staff.whenSynced(15_000)]);
    }
    await Promise.all([plan.whenSynced(15_000), staff.whenSynced(15_000)]);
    await waitFor(() => failedNotices.includes(planName) && failedNotices.includes(staffName), { timeout: 15_000 });

    // Access checks and reads need no write: the student's device opens its plan and reads it, the API answers.
    const reader = await connectDoc(relay, planName, student.token);
    expect(reader.result).toEqual({ kind: 'authenticated', scope: 'read-write' });
    await reader.whenSynced(15_000);
    expect(reader.doc.getText('before').toString()).toBe('written before the disk filled');
    expect(reader.doc.getMap('during').get('edit-0')).toBe('while the disk was full 0');
    expect((await api(relay, 'GET', '/api/me', { token: student.token })).status).toBe(200);
    // Signing in again and joining again on a known device need no write either.
    const signIn = await api(relay, 'POST', '/api/auth/signin', { body: { email: teacher.email, password: teacher.password, deviceId: teacher.deviceId } });
    expect(signIn.status).toBe(200);
    const rejoin = await api(relay, 'POST', '/api/join', { body: { code: cls.joinCode, studentId: ana.id, deviceId: student.deviceId } });
    expect(rejoin.status).toBe(200);
    // A new device does need a row: a clear 503 that says why, never a 500.
    const newcomer = await api(relay, 'POST', '/api/join', { body: { code: cls.joinCode, studentId: cls.students[1]!.id, deviceId: newId() } });
    expect(newcomer).toMatchObject({ status: 503, body: { error: 'storage-unavailable' } });

    if (disk.kind === 'tmpfs') {
      // A photo is a file: a full disk answers 503 too, and leaves no half-written file behind.
      const photo = realPhoto(7, 4000);
      const hash = createHash('sha256').update(photo).digest('hex');
      const res = await fetch(`${relay.url}/api/classes/${cls.classId}/students/${ana.id}/blobs/${hash}`, {
        method: 'PUT',
        headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${student.token}` },
        body: photo as BodyInit,
      });
      expect(res.status).toBe(503);
      expect(readdirSync(join(disk.dataDir, 'blobs', cls.classId, ana.id))).toEqual([]);
    }

    const health = await api(relay, 'GET', '/api/health');
    expect(health.body.storage).toMatchObject({ ok: false, lastError: 'SQLITE_FULL' });
    expect(health.body.storage.unsavedDocuments).toBeGreaterThanOrEqual(2);
    expect(plan.stored.length + staff.stored.length + reader.stored.length).toBe(storedBefore);

    // Everyone leaves: an unsaved document must stay in memory (Hocuspocus alone would unload it unsaved).
    teacherDevice.close();
    reader.provider.destroy();
    await new Promise((r) => setTimeout(r, 500));
    expect(relay.hocuspocus.documents.has(planName)).toBe(true);

    const freedAt = Date.now();
    disk.free();
    const rows = new DocumentRows(relay.db);
    await waitFor(
      () => {
        const onDisk = [rows.load(planName), rows.load(staffName)];
        for (let i = 0; i < edits; i++) if (onDisk[i % 2]?.getMap('during').get(`edit-${i}`) !== `while the disk was full ${i}`) return false;
        return true;
      },
      { timeout: 10_000, interval: 50 },
    );
    const healedMs = Date.now() - freedAt;
    console.log(`[full-disk ${disk.kind}] ${edits} edits held in memory, all on disk ${healedMs} ms after space returned`);
    await waitFor(async () => (await api(relay, 'GET', '/api/health')).body.storage.ok === true, { timeout: 5_000 });
    // Stored and nobody connected: now the relay may unload them.
    await waitFor(() => !relay.hocuspocus.documents.has(planName), { timeout: 5_000 });

    // A device that reconnects is told its work is stored.
    const back = await connectDoc(relay, planName, teacher.token);
    await back.whenSynced(15_000);
    await back.whenStored(15_000);
  });
});
