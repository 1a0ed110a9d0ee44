import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName } from '../../src/core';
import { DocumentRows } from '../../src/relay/persistence';
import { backupRelay, restoreRelay } from '../../scripts/backup/relay-backup';
import { api, cleanup, connectDoc, enrolStudent, newClass, newRelay, newTeacher, tempDir } from './helpers';

afterEach(cleanup);

describe('backup and restore', () => {
  it('a fresh relay restored from a backup signs devices back in and stores the newer work they hold', async () => {
    const dirA = await tempDir();
    const relayA = await newRelay({ dataDir: dirA });
    const teacher = await newTeacher(relayA);
    const cls = await newClass(relayA, teacher);
    const ana = cls.students[0]!;
    const student = await enrolStudent(relayA, cls.joinCode, ana.id);
    const planName = docName({ kind: 'plan', classId: cls.classId, studentId: ana.id });

    // The student's device: work stored before the backup.
    const deviceDoc = new Y.Doc();
    const first = await connectDoc(relayA, planName, student.token, deviceDoc);
    deviceDoc.getMap('reflections').set('r1', 'I liked the fractions game');
    await first.whenStored();

    // The backup is taken while the relay runs (the npm script, as a school would run it).
    const file = join(await tempDir(), 'pathbook-backup.sqlite');
    execFileSync('npx', ['tsx', 'scripts/backup.ts', file], { env: { ...process.env, PATHBOOK_DATA_DIR: dirA }, stdio: 'pipe' });
    expect(statSync(file).mode & 0o077).toBe(0);

    // Newer work after the backup, stored on the relay that is about to be lost.
    deviceDoc.getMap('reflections').set('r2', 'Today I helped Ben with his project');
    await first.whenStored();
    first.provider.destroy();
    await relayA.close();

    // A new machine: restore into an empty data directory, start a relay there.
    const dirB = await tempDir();
    const restored = await restoreRelay(file, dirB);
    expect(restored.documents).toBeGreaterThan(0);
    expect(restored.movedAside).toBeNull();
    expect(statSync(join(dirB, 'secret.key')).mode & 0o077).toBe(0);
    const relayB = await newRelay({ dataDir: dirB });
    const rowsB = new DocumentRows(relayB.db);
    expect(rowsB.load(planName)?.getMap('reflections').get('r1')).toBe('I liked the fractions game');
    expect(rowsB.load(planName)?.getMap('reflections').get('r2')).toBeUndefined();

    // The same tokens work (the key came back), and the device's newer work ends up stored.
    expect((await api(relayB, 'GET', '/api/me', { token: teacher.token })).status).toBe(200);
    const again = await connectDoc(relayB, planName, student.token, deviceDoc);
    expect(again.result).toEqual({ kind: 'authenticated', scope: 'read-write' });
    await again.whenStored(15_000);
    expect(rowsB.load(planName)?.getMap('reflections').get('r2')).toBe('Today I helped Ben with his project');
    expect(rowsB.load(planName)?.getMap('reflections').get('r1')).toBe('I liked the fractions game');
  });

  it('restoring over existing data moves it aside instead of deleting it, and refuses a file that is not a backup', async () => {
    const dir = await tempDir();
    const relay = await newRelay({ dataDir: dir });
    await newTeacher(relay);
    const file = join(await tempDir(), 'b.sqlite');
    const result = await backupRelay(dir, file);
    await relay.close();
    const again = await restoreRelay(result.file, dir);
    expect(again.movedAside).not.toBeNull();
    expect(existsSync(join(again.movedAside!, 'pathbook.sqlite'))).toBe(true);
    expect(existsSync(join(again.movedAside!, 'secret.key'))).toBe(true);
    await expect(restoreRelay(join(dir, 'secret.key'), await tempDir())).rejects.toThrow();
    const notBackup = join(again.movedAside!, 'pathbook.sqlite');
    await expect(restoreRelay(notBackup, await tempDir())).rejects.toThrow(/not a Pathbook backup/);
  });
});
