import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousA11yViolations } from './support/browser';
import type { ServedApp } from './support/serve';
import { servedAppOn } from './support/served-app';

/**
 * The foundation's promise, in a real Chromium with its real IndexedDB and service worker:
 * the app installs, and a teacher does a whole first day with no connection at all.
 */
describe('a teacher working offline', () => {
  const env = servedAppOn();
  let app: ServedApp;
  let context: BrowserContext;
  let page: Page;
  beforeAll(() => {
    app = env.app;
    page = env.pages[0]!;
    context = env.devices[0]!.context;
  });

  it('is installable: Chromium reports no installability errors', async () => {
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors).toEqual([]);
  });

  it('creates a class, a student and a goal, records a check-in offline, and keeps it all after an offline reload', async () => {
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    await page.getByRole('button', { name: "I'm a teacher" }).click();
    await page.getByLabel('Your name').fill('Ms Rivera');
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByLabel('Class name').fill('Year 5 Maple');
    await page.getByRole('button', { name: 'Create class' }).click();
    await page.getByLabel('Student name').fill('Ana Lopez');
    await page.getByRole('button', { name: 'Add student' }).click();
    await expect.poll(() => page.locator('.roster li').count()).toBe(1);
    await page.getByLabel('Target', { exact: true }).fill('Fractions');
    await page.getByRole('button', { name: 'Add target' }).click();
    await page.getByRole('link', { name: 'Go to my class' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Year 5 Maple' }).count()).toBe(1);
    await expect.poll(() => page.locator('.student-row').count()).toBe(1);
    await expect.poll(() => page.locator('.student-row').innerText()).toContain('No check-in yet');

    await page.getByRole('link', { name: 'Ana Lopez', exact: true }).click();
    await page.getByRole('button', { name: 'Add a goal' }).click();
    await page.getByLabel('Goal', { exact: true }).fill('Add fractions with different denominators');
    await page.getByLabel('Why it matters').fill('So I can follow recipes');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await expect.poll(() => page.locator('.goal-card h3').allInnerTexts()).toEqual(['Add fractions with different denominators']);
    await page.getByRole('button', { name: 'Update progress' }).click();
    await page.getByLabel('Progress').fill('40');
    await page.getByRole('button', { name: 'Save progress' }).click();
    await expect.poll(() => page.locator('.goal-card__value').innerText()).toBe('40% done');

    await page.getByRole('link', { name: 'Check in' }).click();
    await page.getByText('Very engaged').click();
    await page.getByLabel(/Note on/).fill('Explained common denominators with pizza slices');
    await page.getByLabel('Shared note').fill('Great progress on fractions this week');
    await page.getByLabel(/Private note/).fill('Seemed tired; ask about sleep');
    await page.getByLabel('Follow-up date').fill('2099-01-15');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Stop the server too: from here on, only the service worker and IndexedDB can answer.
    await app.close();
    await page.reload();
    await expect.poll(() => page.getByLabel('Shared note').inputValue()).toBe('Great progress on fractions this week');
    // The staff document (private notes) and the plan load after the check-in itself: wait for them.
    await expect.poll(() => page.getByLabel(/Private note/).inputValue()).toBe('Seemed tired; ask about sleep');
    await expect.poll(() => page.getByLabel(/Note on/).inputValue()).toBe('Explained common denominators with pizza slices');
    expect(await page.getByLabel('Follow-up date').inputValue()).toBe('2099-01-15');
    expect(await page.getByRole('radio', { name: /Very engaged/ }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('.student-row').innerText()).toContain('Checked in today');
    await page.getByRole('link', { name: 'Ana Lopez', exact: true }).click();
    await expect.poll(() => page.locator('.goal-card__value').innerText()).toBe('40% done');
    expect(await page.locator('.goal-card').innerText()).toContain('So I can follow recipes');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('fits a 320 px wide screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const hash of ['#/class', '#/setup']) {
      await page.goto(new URL(hash, app.url).toString());
      await page.waitForSelector('main h1');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${hash}`).toBeLessThanOrEqual(0);
    }
  });
});
