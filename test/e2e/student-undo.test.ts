import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servedAppOn } from './support/served-app';
import { studentNav } from './student-actions';
import { classFixture, openProfile, seedDevice, type SeededClass } from './student-seed';

/**
 * "Undo my last change" in the browser: it reverts the student's own last edit, and not an edit
 * that arrived meanwhile from elsewhere (here another tab of the same profile, which reaches this
 * page with a non-local origin exactly as the relay's updates do).
 */
describe('undo my last change', () => {
  const env = servedAppOn();
  let page: Page;
  let other: Page;
  let seeded: SeededClass;

  beforeAll(async () => {
    page = env.pages[0]!;
    seeded = await seedDevice(page, classFixture(['Ana Lopez']));
    await openProfile(page, seeded.students[0]!.profileId);
    other = await env.devices[0]!.context.newPage();
    await other.goto(env.app.url);
  });

  const goals = (p: Page) => p.locator('.student-goal h3').allInnerTexts();

  async function addGoal(p: Page, title: string) {
    await p.getByRole('button', { name: 'Suggest a new goal' }).click();
    await p.getByLabel('Goal', { exact: true }).fill(title);
    await p.getByRole('button', { name: 'Save goal' }).click();
    await expect.poll(() => goals(p)).toContain(title);
  }

  it('reverts my own last edit and keeps an edit that arrived from elsewhere meanwhile', async () => {
    await studentNav(page, 'My plan');
    await studentNav(other, 'My plan');
    await addGoal(page, 'Read a chapter book');
    await page.waitForTimeout(1100); // a separate step for undo (edits within a second are undone together)
    await addGoal(page, 'Swim 25 metres');
    await expect.poll(() => goals(other), { timeout: 10_000 }).toContain('Swim 25 metres');

    // Meanwhile, the other tab adds an interest; it arrives here as a change from elsewhere.
    await other.locator('#item-interest').fill('football');
    await other.locator('#item-interest').press('Enter');
    await expect.poll(() => page.locator('.chip').allInnerTexts(), { timeout: 10_000 }).toEqual([expect.stringContaining('football')]);

    await page.getByRole('button', { name: 'Undo my last change' }).click();
    await expect.poll(() => goals(page)).toEqual(['Read a chapter book']);
    expect(await page.locator('.chip').allInnerTexts()).toEqual([expect.stringContaining('football')]);
    await expect.poll(() => goals(other), { timeout: 10_000 }).toEqual(['Read a chapter book']);

    // Undo again: the goal before goes too; the other tab's interest still stays.
    await page.getByRole('button', { name: 'Undo my last change' }).click();
    await expect.poll(() => goals(page)).toEqual([]);
    expect(await page.locator('.chip').allInnerTexts()).toEqual([expect.stringContaining('football')]);
    expect(await page.getByRole('button', { name: 'Undo my last change' }).isDisabled()).toBe(true);
  });
});
