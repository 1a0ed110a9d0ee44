import { mkdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hashPin } from '../../src/app/profiles/pin';
import { seriousA11yViolations } from './support/browser';
import { servedAppOn } from './support/served-app';
import { classFixture, openProfile, seedDevice, storedOnDisk, type SeededClass } from './student-seed';

/** An ignored folder, so a test run never rewrites tracked files; `npm run screenshots` points it at docs/screenshots on purpose. */
const SHOTS = process.env.PATHBOOK_SCREENSHOTS ?? 'test-results/student-screens';

/**
 * The student's screens on a 390 px phone, with a class's worth of real-looking data: each is
 * checked with axe and saved as a screenshot (docs/screenshots when run by `npm run screenshots`).
 */
describe('student screens at 390 px', () => {
  const env = servedAppOn([{ width: 390, height: 844 }]);
  let page: Page;
  let seeded: SeededClass;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    page = env.pages[0]!;
    await page.clock.setFixedTime(new Date('2026-11-23T15:00:00'));
    const fixture = classFixture(['Ana Lopez', 'Mateo Chen', 'Lucía Díaz'], { richPlanFor: 'Ana Lopez' });
    seeded = await seedDevice(page, fixture, [
      { picture: 0, pinHash: null },
      { picture: 6, pinHash: await hashPin('2468') },
      { picture: 9, pinHash: null },
    ]);
  });

  async function shoot(name: string) {
    // At the top, so the sticky navigation sits where a child sees it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => window.scrollY === 0 && document.fonts.status === 'loaded', undefined, { timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  it('the profile picker shows each child by picture and name', async () => {
    await page.reload();
    await expect.poll(() => page.locator('.picker__tile').count()).toBe(3);
    await shoot('student-profile-picker');
  });

  it('the student home: goals with pace in words, this week, next step, the teacher\'s note', async () => {
    await openProfile(page, seeded.students[0]!.profileId);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('Hi Ana!');
    const goals = page.locator('.home-card--goals .home-goal');
    await expect.poll(() => goals.count()).toBe(2);
    expect(await page.locator('.home-card--goals .badge').allInnerTexts()).toEqual([expect.stringMatching(/On track|Behind|Ahead/), expect.stringMatching(/On track|Behind|Ahead/)]);
    expect(await page.locator('.home-card--week').innerText()).toContain('Practise the 7 times table');
    expect(await page.locator('.home-card--next').innerText()).toContain('Measure the rain every morning');
    expect(await page.locator('.home-card--teacher').innerText()).toContain('You explained fractions');
    await shoot('student-home');
  });

  it('the goal form', async () => {
    await page.getByRole('link', { name: 'My plan' }).first().click();
    await page.getByRole('button', { name: 'Suggest a new goal' }).click();
    await page.getByLabel('Goal', { exact: true }).fill('Draw a comic about my rain gauge');
    await page.getByLabel('Why it matters').fill('I love drawing and want to show what I found out');
    await page.getByLabel('A project').check();
    await shoot('student-goal-form');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await expect.poll(() => page.locator('.student-goal').filter({ hasText: 'Draw a comic' }).innerText()).toContain('Waiting for your teacher');
  });

  it('a project page', async () => {
    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('link', { name: /Build a rain gauge/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Build a rain gauge');
    await page.getByRole('button', { name: 'Photo' }).click();
    const jpeg = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 1200;
      canvas.height = 900;
      const g = canvas.getContext('2d')!;
      const sky = g.createLinearGradient(0, 0, 0, 900);
      sky.addColorStop(0, '#8ec5e8');
      sky.addColorStop(1, '#e8f4fb');
      g.fillStyle = sky;
      g.fillRect(0, 0, 1200, 900);
      g.fillStyle = '#5a8f3c';
      g.fillRect(0, 700, 1200, 200);
      g.fillStyle = 'rgba(255,255,255,.85)';
      g.fillRect(520, 260, 160, 460);
      g.fillStyle = '#3d8fd1';
      g.fillRect(520, 560, 160, 160);
      g.strokeStyle = '#333';
      g.lineWidth = 4;
      for (let y = 300; y < 720; y += 40) { g.beginPath(); g.moveTo(520, y); g.lineTo(560, y); g.stroke(); }
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.9));
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    await page.getByTestId('choose-photo').setInputFiles({ name: 'gauge.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpeg) });
    await expect.poll(() => page.locator('.evidence-preview img').count()).toBe(1);
    await page.getByLabel('What is it? (optional)').fill('My rain gauge on Wednesday after the storm');
    // Saved as typed, before "Done": a lock or a closed tab now would lose nothing.
    await expect.poll(() => storedOnDisk(page, seeded.students[0]!.profileId, 'plan:', 'after the storm')).toBe(true);
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect.poll(() => page.locator('.evidence-list img').count()).toBe(1);
    // Rating a learning target saves at once; the sentence is saved as it is typed.
    const thinking = page.locator('.self-target').filter({ hasText: 'Explain my thinking' });
    await thinking.getByText('I can do it').click();
    await thinking.getByLabel('How do I know? (one sentence)').fill('I explained halves to Mateo with a drawing.');
    await expect.poll(() => storedOnDisk(page, seeded.students[0]!.profileId, 'plan:', 'halves to Mateo')).toBe(true);
    await shoot('student-project');
  });

  it('the journal', async () => {
    await page.getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('button', { name: 'Write in my journal' }).click();
    await page.getByText('Great', { exact: true }).click();
    await page.getByLabel('What did I do?').fill('I made a bar chart of the rain.');
    await shoot('student-journal');
  });

  it('starting a project: the class catalog and my own idea', async () => {
    await page.locator('.student-nav').getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByRole('button', { name: 'Start a project' }).click();
    expect(await page.getByRole('button', { name: 'Already mine' }).isDisabled()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Choose “Grow a bean plant”' }).count()).toBe(1);
    await shoot('student-projects-start');
  });

  it('me on this device: picture, secret number, space used, remove me', async () => {
    await page.locator('.student-nav').getByRole('link', { name: 'Me', exact: true }).click();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/Pathbook uses [\d.]+ MB here/);
    await page.getByRole('radio', { name: 'Owl' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Owl' }).getAttribute('aria-checked')).toBe('true');
    await page.getByLabel('New secret number (4 numbers)').fill('1357');
    await page.getByLabel('The same number again').fill('1357');
    await page.getByRole('button', { name: 'Save my secret number' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your secret number is saved.' }).count()).toBe(1);
    await shoot('student-me');
    // The picker now shows Ana's owl and asks for her number.
    await page.getByRole('button', { name: 'Switch person' }).click();
    await page.locator('.picker__tile').filter({ hasText: 'Ana Lopez' }).click();
    await page.getByRole('textbox', { name: 'Type your secret number' }).fill('1357');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('Hi Ana!');
  });
});
