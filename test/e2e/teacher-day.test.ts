import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { planDocument } from '../../src/core';
import { seriousA11yViolations } from './support/browser';
import { servedAppOn } from './support/served-app';
import { storedOnDisk } from './student-seed';

const ROSTER_CSV = 'name,language\nAna Lopez,English\nBen Okafor,Spanish\n,English\nCara Diaz,en\n';
const SHARED = 'Ben read two chapters aloud today';
const PRIVATE = 'Mentioned trouble at home, check with counsellor';

/** Names of the students' rows on the dashboard, top to bottom. */
const rowNames = (page: Page) => page.locator('.student-row .student-row__name').allInnerTexts();

/**
 * A teacher's day in Chromium with no connection at all: roster from a CSV, a check-in, the
 * dashboard re-ranking, approving a student's goal, and printing a family report without the
 * private note.
 */
describe("a teacher's day, offline", () => {
  const env = servedAppOn([{ width: 1280, height: 900 }]);
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    page = env.pages[0]!;
    context = env.devices[0]!.context;
    await context.setOffline(true);
    await env.app.close();
  });

  it('imports a roster from a CSV with one bad row: a clear error for that row, the others imported, none twice', async () => {
    await page.getByRole('button', { name: "I'm a teacher" }).click();
    await page.getByLabel('Your name').fill('Ms Rivera');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Class name').fill('Year 5 Maple');
    await page.getByRole('button', { name: 'Create class' }).click();

    const file = { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER_CSV) };
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.locator('.import-preview').innerText()).toContain('Line 4 has no name');
    expect(await page.locator('.import-row--error').count()).toBe(1);
    expect(await page.locator('.import-row--add').count()).toBe(3);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add 3 students' }).click();
    await expect.poll(() => page.locator('.roster li').count()).toBe(3);
    expect(await page.getByText('Added 3 students.').count()).toBe(1);

    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.locator('.import-row--exists').count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Add 0 students' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.roster li').count()).toBe(3);
  });

  it('records a check-in with a shared and a private note, and the dashboard re-ranks', async () => {
    await page.getByRole('link', { name: 'Go to my class' }).click();
    await expect.poll(() => rowNames(page)).toEqual(['Ana Lopez', 'Ben Okafor', 'Cara Diaz']);
    expect(await page.locator('#needs-title').innerText()).toContain('(3)');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Check in with Ben Okafor' }).click();
    await page.getByText('Very engaged').click();
    await page.getByLabel('Step 1').pressSequentially('Read chapter 3');
    await expect.poll(() => page.getByLabel('Step 2').count()).toBe(1);
    expect(await page.getByLabel('Step 1').inputValue()).toBe('Read chapter 3');
    await page.getByLabel('Shared note').fill(SHARED);
    await page.getByLabel(/Private note/).fill(PRIVATE);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Done' }).click();

    // Ben was seen today: he drops below the two students never checked in.
    await expect.poll(() => rowNames(page)).toEqual(['Ana Lopez', 'Cara Diaz', 'Ben Okafor']);
    expect(await page.locator('.student-row').nth(2).innerText()).toContain('Checked in today');
    const profileId = await page.evaluate(() => localStorage.getItem('pathbook:last-profile'));
    expect(await storedOnDisk(page, profileId!, 'staff:', PRIVATE)).toBe(true);
    expect(await storedOnDisk(page, profileId!, 'coach:', SHARED)).toBe(true);
    expect(await storedOnDisk(page, profileId!, 'coach:', 'Read chapter 3')).toBe(true);
  });

  it("approves a student's proposed goal", async () => {
    // The goal arrives as the student's device would send it: a Yjs update of Ana's plan document
    // made elsewhere (a proposed goal from the student), stored on this device like any synced update.
    const anaId = await page.locator('.student-row').filter({ hasText: 'Ana Lopez' }).getAttribute('data-student');
    const student = new Y.Doc();
    planDocument(student).goals.add({ title: 'Learn my 7 times table', why: 'For maths games', startDate: '2026-11-01', targetDate: '2099-12-01', proposedBy: 'student', createdAt: Date.now() });
    const update = [...Y.encodeStateAsUpdate(student)];
    await page.evaluate(async ({ studentId, update }) => {
      const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.includes(':plan:') && n.endsWith(studentId))!;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('updates', 'readwrite');
      tx.objectStore('updates').add(new Uint8Array(update));
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, { studentId: anaId!, update });
    await page.reload();
    await expect.poll(() => page.locator('.student-row').filter({ hasText: 'Ana Lopez' }).innerText()).toContain('1 idea waiting for your answer');
    await page.getByLabel('Waiting for approval').check();
    await expect.poll(() => rowNames(page)).toEqual(['Ana Lopez']);

    await page.getByRole('link', { name: 'Ana Lopez', exact: true }).click();
    await expect.poll(() => page.locator('.approvals').innerText()).toContain('Learn my 7 times table');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Approve “Learn my 7 times table”' }).click();
    await expect.poll(() => page.locator('.approvals').count()).toBe(0);
    expect(await page.locator('.goal-card').filter({ hasText: 'Learn my 7 times table' }).innerText()).toContain('Agreed');
  });

  it("prints Ben's family report in his family's language, with the shared note and without the private note", async () => {
    await page.goto(new URL('#/class', page.url()).toString());
    await page.getByRole('link', { name: 'Ben Okafor', exact: true }).click();
    await page.getByRole('link', { name: 'Family report' }).click();
    await page.waitForSelector('.family-report');
    expect(await page.locator('.family-report h1').innerText()).toBe('Ben Okafor: informe de aprendizaje');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    const printed = await page.locator('body').innerText();
    expect(printed).toContain(SHARED);
    expect(printed).toContain('Read chapter 3');
    expect(printed).not.toContain(PRIVATE);
    expect(printed).not.toContain('Pathbook\n');
    const html = await page.content();
    expect(html).not.toContain(PRIVATE);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });
});
