import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { classDocument, coachDocument, initMeta, newId, planDocument, type DocRef } from '../../src/core';
import { docName } from '../../src/core/doc-names';

/**
 * Puts a class, its students' profiles and documents on a browser device without a relay: the
 * documents as the Yjs updates the app itself would have stored (one row each in the document's
 * own IndexedDB database), the profiles as rows of the registry. Used where a test is about what
 * happens on the device, not about joining.
 */
export interface SeededStudent {
  profileId: string;
  studentId: string;
  displayName: string;
}

export interface SeededClass {
  classId: string;
  students: SeededStudent[];
  targetIds: string[];
  catalogIds: string[];
}

function update(ref: DocRef, fill: (doc: Y.Doc) => void): { name: string; bytes: number[] } {
  const doc = new Y.Doc();
  initMeta(doc, ref, 1);
  fill(doc);
  return { name: docName(ref), bytes: [...Y.encodeStateAsUpdate(doc)] };
}

export function classFixture(names: string[], options: { richPlanFor?: string; today?: string } = {}) {
  const classId = newId();
  const students = names.map((displayName) => ({ studentId: newId(), displayName, profileId: newId() }));
  const targetIds = [newId(), newId()];
  const catalogIds = [newId(), newId()];
  const docs: { name: string; bytes: number[] }[] = [];
  docs.push(update({ kind: 'class', classId }, (doc) => {
    const c = classDocument(doc);
    c.settings.write({ name: 'Year 5 Maple' });
    for (const s of students) c.students.add({ displayName: s.displayName, language: 'en', archived: false }, s.studentId);
    c.targets.add({ title: 'Measure and record carefully', subject: 'Science' }, targetIds[0]);
    c.targets.add({ title: 'Explain my thinking', subject: 'Maths' }, targetIds[1]);
    c.catalog.add({ title: 'Build a rain gauge', question: 'How much rain falls in one week?', targetIds, weeks: 3 }, catalogIds[0]);
    c.catalog.add({ title: 'Grow a bean plant', question: 'What do plants need to grow?', targetIds: [targetIds[0]!], weeks: 4 }, catalogIds[1]);
  }));
  for (const s of students) {
    const rich = s.displayName === options.richPlanFor;
    const goalIds = [newId(), newId(), newId()];
    docs.push(update({ kind: 'coach', classId, studentId: s.studentId }, (doc) => {
      if (!rich) return;
      const c = coachDocument(doc);
      const checkinId = c.checkins.add({ date: '2026-11-18', at: Date.parse('2026-11-18T10:00:00Z'), sharedNote: 'You explained fractions to Mateo so clearly! Next, try writing your steps down too.', teacherName: 'Ms Rivera' });
      c.nextSteps.add({ checkinId, text: 'Read 10 pages every evening', due: '2026-11-27' });
      c.nextSteps.add({ checkinId, text: 'Bring your rain gauge photos on Friday', due: '2026-11-28' });
      c.decisions.add({ recordId: goalIds[0]!, recordKind: 'goal', decision: 'agreed', at: Date.parse('2026-11-05T10:00:00Z') });
      c.decisions.add({ recordId: goalIds[1]!, recordKind: 'goal', decision: 'agreed', at: Date.parse('2026-11-05T10:00:00Z') });
    }));
    docs.push(update({ kind: 'plan', classId, studentId: s.studentId }, (doc) => {
      if (!rich) return;
      const p = planDocument(doc);
      p.profileItems.add({ kind: 'interest', text: 'football' });
      p.profileItems.add({ kind: 'interest', text: 'drawing animals' });
      p.profileItems.add({ kind: 'strength', text: 'I explain things well' });
      p.profileItems.add({ kind: 'support', text: 'pictures and a quiet corner' });
      const at = (d: string) => Date.parse(`${d}T09:00:00Z`);
      p.goals.add({ title: 'Read a whole chapter book by myself', why: 'So I can read the Narnia books with my sister', startDate: '2026-11-01', targetDate: '2026-12-20', path: 'reading', createdAt: at('2026-11-01') }, goalIds[0]);
      p.goals.add({ title: 'Know my times tables up to 10', why: 'To be faster in maths games', startDate: '2026-10-15', targetDate: '2026-12-01', path: 'practice', createdAt: at('2026-10-15') }, goalIds[1]);
      p.goals.add({ title: 'Practise the 7 times table every day', horizon: 'weekly', startDate: '2026-11-23', targetDate: '2026-11-30', path: 'practice', createdAt: at('2026-11-23') }, goalIds[2]);
      p.progress.add({ goalId: goalIds[0]!, at: at('2026-11-15'), value: 45, note: 'Finished chapter 4' });
      p.progress.add({ goalId: goalIds[1]!, at: at('2026-11-20'), value: 50, note: 'Up to 5 now' });
      p.progress.add({ goalId: goalIds[2]!, at: at('2026-11-23'), value: 20 });
      const project = p.projects.add({ title: 'Build a rain gauge', question: 'How much rain falls in one week?', catalogId: catalogIds[0], createdAt: at('2026-11-10') });
      p.milestones.add({ projectId: project, title: 'Make the gauge from a bottle', due: '2026-11-20', doneAt: at('2026-11-19') });
      p.milestones.add({ projectId: project, title: 'Measure the rain every morning', due: '2026-11-27', doneAt: null });
      p.milestones.add({ projectId: project, title: 'Make a bar chart', due: '2026-12-02', doneAt: null });
      p.evidence.add({ projectId: project, kind: 'text', text: 'Monday: 4 mm. Tuesday: 0 mm. Wednesday: 12 mm — a big storm!', at: at('2026-11-21') });
      p.selfAssessments.add({ targetId: targetIds[0]!, level: 3, evidence: 'I read the scale the same way every morning.', at: at('2026-11-21') });
      p.reflections.add({ at: at('2026-11-21'), did: 'I measured the rain three days in a row.', hard: 'Reading the tiny lines on the bottle.', next: 'Use a ruler with bigger marks.', mood: 'good' });
    }));
  }
  return { classId, students, targetIds, catalogIds, docs };
}

/** Writes the fixture into the page's origin; the app must have opened its registry once (any page load does). */
export async function seedDevice(page: Page, fixture: ReturnType<typeof classFixture>, looks: { picture: number | null; pinHash: string | null }[] = []): Promise<SeededClass> {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'pathbook'));
  await page.evaluate(async ({ classId, students, docs, looks }) => {
    const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onupgradeneeded = () => upgrade?.(request.result);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const put = (db: IDBDatabase, store: string, value: unknown) =>
      new Promise<void>((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).put(value);
        tx.oncomplete = () => resolve();
        tx.onabort = () => reject(tx.error);
      });
    const registry = await open('pathbook');
    const now = Date.now();
    for (const [i, s] of students.entries()) {
      await put(registry, 'profiles', {
        id: s.profileId, role: 'student', displayName: s.displayName, language: 'en', classIds: [classId], studentId: s.studentId,
        picture: looks[i]?.picture ?? null, pinHash: looks[i]?.pinHash ?? null, createdAt: now, lastOpenedAt: now - i, relayUrl: null, token: null,
      });
      for (const d of docs) {
        if (d.name.includes(':') && d.name.split(':').length === 3 && !d.name.endsWith(s.studentId)) continue;
        const db = await open(`pathbook:${s.profileId}:${d.name}`, (created) => {
          created.createObjectStore('updates', { autoIncrement: true });
          created.createObjectStore('custom');
        });
        const tx = db.transaction('updates', 'readwrite');
        tx.objectStore('updates').add(new Uint8Array(d.bytes));
        await new Promise((resolve) => (tx.oncomplete = resolve));
        db.close();
      }
    }
    registry.close();
  }, { ...fixture, looks });
  return { classId: fixture.classId, students: fixture.students, targetIds: fixture.targetIds, catalogIds: fixture.catalogIds };
}

/**
 * Opens a profile the way a returning student lands in it: on a one-person device the app reopens
 * the last profile by itself; once several people share it, nothing reopens by itself and the
 * student taps their tile in the picker (profiles seeded without a PIN open with that tap).
 */
export async function openProfile(page: Page, profileId: string): Promise<void> {
  await page.evaluate((id) => localStorage.setItem('pathbook:last-profile', id), profileId);
  await page.reload();
  await page.waitForSelector('.picker__tile, .student-nav', { timeout: 20_000 });
  if ((await page.locator('.picker__tile').count()) === 0) return;
  const name = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('pathbook');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const row = await new Promise<{ displayName: string } | undefined>((resolve) => {
      const get = db.transaction('profiles', 'readonly').objectStore('profiles').get(id);
      get.onsuccess = () => resolve(get.result as { displayName: string } | undefined);
    });
    db.close();
    return row?.displayName ?? '';
  }, profileId);
  await page.locator('.picker__tile').filter({ hasText: name }).click();
  await page.waitForSelector('.student-nav', { timeout: 20_000 });
}

/**
 * Whether this text is in what the device has written to disk for a profile's document (Yjs
 * updates hold inserted text as UTF-8, so the stored rows can be searched without decoding them).
 */
export async function storedOnDisk(page: Page, profileId: string, docPrefix: string, text: string): Promise<boolean> {
  return page.evaluate(async ({ prefix, text }) => {
    const needle = new TextEncoder().encode(text);
    const contains = (bytes: Uint8Array) => {
      outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
        for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    };
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(prefix));
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise<unknown[]>((resolve) => {
        const tx = db.transaction('updates', 'readonly');
        const all = tx.objectStore('updates').getAll();
        tx.oncomplete = () => resolve(all.result);
      });
      db.close();
      if (rows.some((row) => row instanceof Uint8Array && contains(row))) return true;
    }
    return false;
  }, { prefix: `pathbook:${profileId}:${docPrefix}`, text });
}
