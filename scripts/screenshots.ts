/**
 * Screenshots of the teacher's screens with the seeded class, at 390 and 1280 px wide, into
 * docs/screenshots/. Needs a build (`npm run build`). `npm run screenshots` runs it and the student screens' browser test
 * with PATHBOOK_SCREENSHOTS=docs/screenshots, on purpose: test runs write theirs to test-results/ (ignored).
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelay } from '../src/relay/relay';
import { launchDevice, openApp } from '../test/e2e/support/browser';
import { seedTeacherDevice, waitForDashboard } from '../test/e2e/support/teacher-seed';

const OUT = 'docs/screenshots';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'pathbook-shots-'));
  const relay = await startRelay({ dataDir, host: '127.0.0.1', port: 0, quiet: true });
  const device = await launchDevice({ width: 1280, height: 900 });
  try {
    const page = await openApp(device.context, `http://127.0.0.1:${relay.port}/`);
    const seeded = await seedTeacherDevice(page);
    await waitForDashboard(page, seeded.students.length);
    const firstNeeding = await page.locator('.student-row').first().getAttribute('data-student');
    const shots: [string, string, string][] = [
      ['dashboard', '#/class', '.student-row'],
      ['checkin', `#/checkin/${firstNeeding}`, '#checkin-title'],
      ['student-view', `#/student/${firstNeeding}`, '#goals-title'],
      ['family-report', `#/report/${firstNeeding}`, '.family-report'],
    ];
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
      for (const [name, hash, ready] of shots) {
        await page.goto(new URL(hash, page.url()).toString());
        await page.waitForSelector(ready, { timeout: 30_000 });
        await page.waitForTimeout(300);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        if (name === 'family-report') await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: join(OUT, `${name}-${width}.png`), fullPage: name !== 'dashboard' });
        await page.emulateMedia({ media: 'screen' });
        console.log(`${OUT}/${name}-${width}.png`);
      }
    }
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
