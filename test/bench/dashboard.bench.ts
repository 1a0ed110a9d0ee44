/**
 * The teacher's dashboard with the seeded 40-student year, in Chromium with the CPU throttled 4x
 * (a cheap school laptop or phone). Run with `npm run bench` (it builds first).
 *
 * 1. Time to render the dashboard (hash change -> 40 rows laid out and painted), next to a plain
 *    static list of the same rows read from the same query index in the same page, same run.
 * 2. Time from tapping a student's "Check in" to the first keystroke of the check-in being stored
 *    in IndexedDB (the stored Yjs update found in the coach document's database).
 *
 * Environment: BENCH_ROUNDS (7).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startRelay } from '../../src/relay/relay';
import { launchDevice, openApp } from '../e2e/support/browser';
import { seedTeacherDevice, waitForDashboard } from '../e2e/support/teacher-seed';
import { median, medianRange } from './support/stats';
import { printTable } from './support/table';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const STUDENTS = 40;
/** A character none of the seeded notes contain, so finding its bytes on disk means "this keystroke is stored". */
const MARK = '⁂';

/** Navigates to the dashboard and resolves with the ms until its rows are laid out and a frame is painted. */
async function timeDashboard(page: Page): Promise<number> {
  await page.evaluate(() => { location.hash = '#/export'; });
  await page.waitForSelector('#export-title');
  return page.evaluate((count) => new Promise<number>((resolve) => {
    const start = performance.now();
    location.hash = '#/class';
    const check = () => {
      if (document.querySelectorAll('.student-row').length === count) {
        void document.body.offsetHeight;
        requestAnimationFrame(() => resolve(performance.now() - start));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }), STUDENTS);
}

/** The same rows as plain HTML: read from the same query index (raw IndexedDB), written as one list, laid out, painted. */
async function timePlainList(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve, reject) => {
    const start = performance.now();
    const request = indexedDB.open('pathbook');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction('summaries', 'readonly').objectStore('summaries').getAll();
      all.onsuccess = () => {
        db.close();
        type Row = { displayName: string; lastCheckInDate: string | null; overdueMilestones: number; paces: Record<string, number> };
        const rows = (all.result as Row[]).sort((a, b) => a.displayName.localeCompare(b.displayName));
        const list = document.createElement('ul');
        for (const r of rows) {
          const li = document.createElement('li');
          li.textContent = `${r.displayName} · last check-in ${r.lastCheckInDate ?? 'never'} · ${r.overdueMilestones} steps overdue · ${r.paces.behind ?? 0} behind · ${r.paces.overdue ?? 0} overdue`;
          list.append(li);
        }
        document.getElementById('main')!.append(list);
        void document.body.offsetHeight;
        requestAnimationFrame(() => {
          const ms = performance.now() - start;
          list.remove();
          resolve(ms);
        });
      };
    };
  }));
}

/** Tap "Check in" on row `index`, type one character in the shared note, wait until it is in IndexedDB. */
async function timeTapToStored(page: Page, index: number): Promise<number> {
  await page.evaluate(() => { location.hash = '#/class'; });
  await page.waitForFunction((n) => document.querySelectorAll('.student-row').length === n, STUDENTS);
  const row = page.locator('.student-row').nth(index);
  const studentId = (await row.getAttribute('data-student'))!;
  const link = row.getByRole('link', { name: /^Check in with/ });
  const started = Date.now();
  await link.click();
  const shared = page.getByLabel('Shared note');
  await shared.waitFor();
  await shared.pressSequentially(MARK);
  await page.evaluate(async ({ studentId, mark }) => {
    const needle = new TextEncoder().encode(mark);
    const has = (bytes: Uint8Array) => {
      outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
        for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    };
    const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.includes(':coach:') && n.endsWith(studentId))!;
    for (;;) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise<unknown[]>((resolve) => {
        const all = db.transaction('updates', 'readonly').objectStore('updates').getAll();
        all.onsuccess = () => resolve(all.result);
      });
      db.close();
      if (rows.some((r) => r instanceof Uint8Array && has(r))) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }, { studentId, mark: MARK });
  return Date.now() - started;
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first (npm run bench does).');
  const dataDir = await mkdtemp(join(tmpdir(), 'pathbook-bench-dashboard-'));
  const relay = await startRelay({ dataDir, host: '127.0.0.1', port: 0, quiet: true });
  const device = await launchDevice({ width: 1280, height: 900 });
  try {
    // tsx (esbuild keepNames) wraps named functions in __name(); the page has no such helper.
    await device.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await openApp(device.context, relay.url + '/');
    page.on('crash', () => console.error('[dashboard bench] the page crashed'));
    page.on('console', (m) => { if (m.type() === 'error') console.error('[page]', m.text()); });
    await device.context.setOffline(true);
    const seeded = await seedTeacherDevice(page);
    const projectionStart = Date.now();
    await waitForDashboard(page, seeded.students.length);
    const firstProjection = Date.now() - projectionStart;
    const cdp = await device.context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // One warm-up of each (lazy chunks, JIT) before measuring.
    await timeDashboard(page);
    await timePlainList(page);
    const dashboard: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      dashboard.push(await timeDashboard(page));
      plain.push(await timePlainList(page));
    }
    const tap: number[] = [];
    for (let i = 0; i < Math.min(ROUNDS, 5); i++) {
      tap.push(await timeTapToStored(page, i));
      console.log(`[dashboard bench] tap ${i + 1}: ${tap.at(-1)} ms`);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    printTable(`Dashboard, ${STUDENTS} seeded students with a school year each, Chromium, CPU throttled 4x, offline`, ['measure', 'ms: median (min–max)', 'runs'], [
      ['dashboard: hash change -> 40 rows rendered and painted', medianRange(dashboard), String(dashboard.length)],
      ['baseline: same rows from the same index as a plain static list', medianRange(plain), String(plain.length)],
      ['tap "Check in" -> first keystroke stored in IndexedDB', medianRange(tap), String(tap.length)],
    ], [
      `dashboard / plain list: ${(median(dashboard) / median(plain)).toFixed(1)}x`,
      `first projection of the class after seeding (not throttled, opens all ${STUDENTS * 2 + 2} documents once): ${firstProjection} ms`,
      'tap time is measured from Node (includes a few ms of DevTools protocol round trips)',
    ]);
  } finally {
    await device.close();
    await relay.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
