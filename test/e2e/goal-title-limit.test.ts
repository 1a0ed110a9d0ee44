import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core';
import { servedAppOn } from './support/served-app';
import { classFixture, openProfile, seedDevice, storedOnDisk, type SeededClass } from './student-seed';

/** Generous: the CI machine is a busy 2-core one. */
const WAIT = { timeout: 30_000 };

/**
 * A title one character over the limit, typed key by key into the goal form: the extra character
 * is refused with a message on screen, and what is saved never disappears (it used to be stored
 * and then left out of every list as unreadable).
 */
describe('a 201-character goal title', () => {
  const env = servedAppOn([{ width: 390, height: 844 }]);
  let seeded: SeededClass;
  beforeAll(async () => {
    seeded = await seedDevice(env.pages[0]!, classFixture(['Ana Lopez']), [{ picture: 0, pinHash: null }]);
  }, 120_000);

  it('is refused with a message at the limit, and the saved goal stays in the plan after a reload', async () => {
    const page = env.pages[0]!;
    const profileId = seeded.students[0]!.profileId;
    await openProfile(page, profileId);
    await page.getByRole('link', { name: 'My plan' }).first().click(WAIT);
    await page.getByRole('button', { name: 'Suggest a new goal' }).click(WAIT);
    const title = page.getByLabel('Goal', { exact: true });
    const typed = 'a'.repeat(LIMITS.title - 1) + 'Z' + 'q';
    expect(typed.length).toBe(201);
    await title.pressSequentially(typed, WAIT);

    const kept = await title.inputValue();
    expect(kept.length).toBe(LIMITS.title);
    expect(kept.endsWith('Z')).toBe(true);
    await page.getByText(`That is as long as this can be (${LIMITS.title} characters)`).waitFor({ state: 'visible', ...WAIT });
    expect(await title.getAttribute('aria-describedby')).toMatch(/limit/);

    await page.getByRole('button', { name: 'Save goal' }).click(WAIT);
    const card = page.locator('.student-goal').filter({ hasText: kept });
    await card.waitFor({ state: 'visible', ...WAIT });
    await expect.poll(() => storedOnDisk(page, profileId, 'plan:', kept), { timeout: 30_000, interval: 250 }).toBe(true);

    await page.reload();
    await page.getByRole('link', { name: 'My plan' }).first().click(WAIT);
    await page.locator('.student-goal').filter({ hasText: kept }).waitFor({ state: 'visible', ...WAIT });
  }, 120_000);
});
