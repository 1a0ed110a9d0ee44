import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { newId } from '../../../src/core';
import { seedClass, type SeedOptions } from '../../../scripts/seed/generate';

export interface SeededTeacher {
  profileId: string;
  classId: string;
  className: string;
  students: { id: string; displayName: string }[];
}

/**
 * Puts the seeded class (scripts/seed/generate.ts) on a browser device as a teacher's: a teacher
 * profile in the registry and every document as one stored Yjs update in its own IndexedDB
 * database, exactly as the app itself would have stored them. Then opens that profile.
 */
export async function seedTeacherDevice(page: Page, options: SeedOptions = {}): Promise<SeededTeacher> {
  const seeded = seedClass(options);
  const profileId = newId();
  const docs = [...seeded.docs].map(([name, doc]) => ({ name, bytes: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') }));
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'pathbook'));
  // tsx (esbuild keepNames) wraps named functions in __name(); the page has no such helper.
  await page.evaluate('globalThis.__name = (f) => f');
  await page.evaluate(async ({ profileId, classId, docs }) => {
    const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => upgrade?.(request.result);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const registry = await open('pathbook');
    const now = Date.now();
    await new Promise<void>((resolve, reject) => {
      const tx = registry.transaction('profiles', 'readwrite');
      tx.objectStore('profiles').put({
        id: profileId, role: 'teacher', displayName: 'Ms Rivera', language: 'en', classIds: [classId], studentId: null,
        picture: null, pinHash: null, createdAt: now, lastOpenedAt: now, relayUrl: null, token: null,
      });
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
    registry.close();
    await Promise.all(docs.map(async (d) => {
      const db = await open(`pathbook:${profileId}:${d.name}`, (created) => {
        created.createObjectStore('updates', { autoIncrement: true });
        created.createObjectStore('custom');
      });
      const bytes = Uint8Array.from(atob(d.bytes), (c) => c.charCodeAt(0));
      const tx = db.transaction('updates', 'readwrite');
      tx.objectStore('updates').add(bytes);
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }));
    localStorage.setItem('pathbook:last-profile', profileId);
  }, { profileId, classId: seeded.classId, docs });
  await page.reload();
  return { profileId, classId: seeded.classId, className: seeded.className, students: seeded.students };
}

/** Waits until the dashboard shows a row for every student (the projection has run once). */
export async function waitForDashboard(page: Page, students: number): Promise<void> {
  await page.goto(new URL('#/class', page.url()).toString());
  await page.waitForFunction((n) => document.querySelectorAll('.student-row').length === n, students, { timeout: 60_000 });
}
