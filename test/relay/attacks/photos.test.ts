import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelayOptions } from '../../../src/relay/config';
import { cleanup, enrolStudent, newClass, newRelay, newTeacher, type TestRelay } from '../helpers';
import { photo } from '../photo-fixtures';
import { expectDeviceSyncs } from './well-behaved';

afterEach(cleanup);

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function put(relay: TestRelay, path: string, token: string, bytes: Uint8Array) {
  const res = await fetch(relay.url + path, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' }, body: bytes as BodyInit });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function classroom(options: RelayOptions = {}) {
  const relay = await newRelay(options);
  const teacher = await newTeacher(relay);
  const cls = await newClass(relay, teacher, ['Ana', 'Ben']);
  const ana = await enrolStudent(relay, cls.joinCode, cls.students[0]!.id);
  const ben = await enrolStudent(relay, cls.joinCode, cls.students[1]!.id);
  const path = (studentId: string, hash: string) => `/api/classes/${cls.classId}/students/${studentId}/blobs/${hash}`;
  return { relay, teacher, cls, ana, ben, path };
}

describe('photo uploads', () => {
  it('any bytes after a JPEG header are refused (415) and not kept', async () => {
    const { relay, teacher, cls, ana, path } = await classroom();
    const fake = new Uint8Array(300 * 1024).fill(0x41);
    fake.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(await put(relay, path(ana.studentId, hashOf(fake)), ana.token, fake)).toMatchObject({ status: 415, body: { error: 'not-a-photo' } });
    await expect(readdir(join(relay.dataDir, 'blobs', cls.classId, ana.studentId))).rejects.toThrow();
    await expectDeviceSyncs(relay, teacher, cls.classId);
  });

  it('a student flooding photos stops at their count limit, even all at once; the same photo again is not counted', async () => {
    const { relay, teacher, cls, ana, path } = await classroom({ maxPhotosPerStudent: 5 });
    const photos = Array.from({ length: 12 }, (_, i) => photo(i + 1));
    const answers = await Promise.all(photos.map((p) => put(relay, path(ana.studentId, hashOf(p)), ana.token, p)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 507).map((a) => a.body?.error)).toEqual(Array(7).fill('photo-quota-full'));
    const kept = photos.find((_, i) => answers[i]!.status === 201)!;
    expect((await put(relay, path(ana.studentId, hashOf(kept)), ana.token, kept)).status).toBe(200);
    expect(await readdir(join(relay.dataDir, 'blobs', cls.classId, ana.studentId))).toHaveLength(5);
    await expectDeviceSyncs(relay, teacher, cls.classId);
  });

  it('bytes per student, and count per class, are limited too; the limits hold after a restart', async () => {
    const size = 20_000;
    const options = { maxPhotoBytesPerStudent: 3 * size, maxPhotosPerClass: 5 };
    const { relay, teacher, cls, ana, ben, path } = await classroom(options);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const p = photo(i + 1, size);
      statuses.push((await put(relay, path(ana.studentId, hashOf(p)), ana.token, p)).status);
    }
    expect(statuses).toEqual([201, 201, 201, 507]);
    for (let i = 0; i < 2; i++) {
      const p = photo(50 + i);
      statuses.push((await put(relay, path(ben.studentId, hashOf(p)), ben.token, p)).status);
    }
    expect(statuses.slice(4)).toEqual([201, 201]);
    await relay.close();

    const again = await newRelay({ ...options, dataDir: relay.dataDir });
    const p = photo(60);
    expect((await put(again, path(ben.studentId, hashOf(p)), ben.token, p)).status).toBe(507);
    await expectDeviceSyncs(again, teacher, cls.classId);
  });

  it('blobs folders are owner-only', async () => {
    const { relay, cls, ana, path } = await classroom();
    const p = photo(1);
    expect((await put(relay, path(ana.studentId, hashOf(p)), ana.token, p)).status).toBe(201);
    for (const dir of [join(relay.dataDir, 'blobs'), join(relay.dataDir, 'blobs', cls.classId), join(relay.dataDir, 'blobs', cls.classId, ana.studentId)]) {
      expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('700');
    }
  });

  it('a malformed % escape in a photo URL is a 400, not a 500', async () => {
    const { relay, cls, ana } = await classroom();
    for (const path of [
      `/api/classes/${cls.classId}/students/${ana.studentId}/blobs/%zz`,
      `/api/classes/%E0%A4%A/students/${ana.studentId}/blobs/${'a'.repeat(64)}`,
      `/api/classes/${cls.classId}/students/%/blobs/${'a'.repeat(64)}`,
    ]) {
      const res = await fetch(relay.url + path, { headers: { authorization: `Bearer ${ana.token}` } });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid-path' });
    }
  });
});
