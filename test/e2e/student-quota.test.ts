import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Profile } from './support/browser';
import { servedAppOn } from './support/served-app';
import { classFixture, openProfile, seedDevice, storedOnDisk, type SeededClass } from './student-seed';

/** Every IndexedDB put/add throws QuotaExceededError while `window.__diskFull` is true. */
async function makeDiskSwitch(device: Profile): Promise<void> {
  await device.context.addInitScript(() => {
    const w = window as unknown as { __diskFull: boolean };
    w.__diskFull = false;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (w.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
}

/**
 * The disk fills up while a student is writing in their journal: every IndexedDB put/add throws
 * QuotaExceededError from the moment a switch is flipped (as Chromium does when the origin is out
 * of quota). What was saved before stays saved, the student is told in plain words, and what they
 * type meanwhile is kept on screen and written once there is space again.
 */
describe('a full disk while a student is writing', () => {
  const env = servedAppOn([{ prepare: makeDiskSwitch }]);
  let page: Page;
  let seeded: SeededClass;

  beforeAll(async () => {
    page = env.pages[0]!;
    seeded = await seedDevice(page, classFixture(['Ana Lopez']));
    await openProfile(page, seeded.students[0]!.profileId);
  });

  const profileId = () => seeded.students[0]!.profileId;
  const diskFull = (full: boolean) => page.evaluate((f) => ((window as unknown as { __diskFull: boolean }).__diskFull = f), full);

  it('keeps what was saved, tells the student, and saves the rest once there is space', async () => {
    await page.getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('button', { name: 'Write in my journal' }).click();
    await page.getByLabel('What did I do?').fill('I measured the rain before the disk filled up.');
    await expect.poll(() => storedOnDisk(page, profileId(), 'plan:', 'before the disk filled up'), { timeout: 10_000 }).toBe(true);

    await diskFull(true);
    await page.getByLabel('What was hard?').fill('Typing while the device is full.');
    const alert = page.getByRole('alert').filter({ hasText: 'This device is full' });
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
    expect(await alert.innerText()).toContain('nothing saved before is lost');
    // The new words stay on screen, and what was saved before is still on disk.
    expect(await page.getByLabel('What was hard?').inputValue()).toBe('Typing while the device is full.');
    expect(await storedOnDisk(page, profileId(), 'plan:', 'before the disk filled up')).toBe(true);
    expect(await storedOnDisk(page, profileId(), 'plan:', 'while the device is full')).toBe(false);

    // Space again: the waiting change is written (the next edit triggers it if no retry did yet).
    await diskFull(false);
    await page.getByLabel('What will I do next?').fill('Ask for a bigger memory card.');
    await expect.poll(() => storedOnDisk(page, profileId(), 'plan:', 'while the device is full'), { timeout: 20_000 }).toBe(true);

    await page.reload();
    await page.getByRole('link', { name: 'Journal' }).click();
    const entry = page.locator('.journal-entry').first();
    await expect.poll(() => entry.innerText()).toContain('before the disk filled up');
    expect(await entry.innerText()).toContain('Typing while the device is full.');
    expect(await entry.innerText()).toContain('Ask for a bigger memory card.');
  });
});
