import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDevice, openApp, seriousA11yViolations, type Profile } from './support/browser';
import { rawProfiles, readableOnDevice } from './support/device-storage';
import { syncStatus, teacherMakesAndConnectsClass } from './support/people';
import { serveBuiltApp, type ServedApp } from './support/serve';

const SHOTS = 'test-results/shared-device-locks';
const TEACHER_SECRET = 'maple-tree-42';
const KOFI_PIN = '2468';

/**
 * One device, online with a real relay, shared by a teacher and a student, as in a classroom:
 * the teacher locks her profile before the student joins, the student sets a PIN, and from then
 * on nothing opens by itself, wrong PINs slow down across reloads, and the device's storage holds
 * no readable token of either.
 */
describe('a teacher and a student share one device', () => {
  let app: ServedApp;
  let device: Profile;
  let page: Page;
  const tokens: { teacher: string; kofi: string } = { teacher: '', kofi: '' };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await serveBuiltApp();
    device = await launchDevice({ width: 360, height: 800 });
    page = await openApp(device.context, app.url);
  });

  afterAll(async () => {
    await device?.close();
    await app?.dispose();
  });

  const h1 = () => page.getByRole('heading', { level: 1 }).innerText();
  const tile = (name: string) => page.locator('.picker__tile').filter({ hasText: name });
  const tokenOf = async (role: string) => String((await rawProfiles(page)).find((p) => p.role === role)?.token ?? '');

  it('the teacher locks her profile before a student joins on her device', async () => {
    const code = await teacherMakesAndConnectsClass(page, { students: ['Kofi Mensah', 'Ana Lopez'] });
    tokens.teacher = await tokenOf('teacher');
    expect(tokens.teacher).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

    // Alone on the device, the teacher's profile reopens by itself after a reload.
    await page.reload();
    await expect.poll(() => page.locator('.save-status').count(), { timeout: 20_000 }).toBe(1);

    await page.getByRole('button', { name: 'Switch person' }).click();
    await expect.poll(h1, { timeout: 30_000 }).toBe('Who are you?');
    await page.getByRole('link', { name: 'Someone new' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'First, lock Ms Rivera’s work' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByRole('button', { name: "I'm a student" }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('PIN or password (at least 6 characters)').fill('short');
    await page.getByLabel('The same again').fill('short');
    await page.getByRole('button', { name: 'Lock and continue' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('at least 6 characters');
    await page.getByLabel('PIN or password (at least 6 characters)').fill(TEACHER_SECRET);
    await page.getByLabel('The same again').fill(TEACHER_SECRET);
    await page.getByRole('button', { name: 'Lock and continue' }).click();

    await page.getByRole('button', { name: "I'm a student" }).click();
    await page.getByRole('link', { name: 'Join your class' }).click();
    await page.getByLabel('Class code').fill(code);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: "I'm Kofi Mensah" }).click();
    await expect.poll(h1, { timeout: 20_000 }).toContain('Hi Kofi');
    // Kofi has no lock yet on a device others use: his home asks him to choose one.
    await expect.poll(() => page.locator('main').innerText()).toContain('Choose your secret pictures or number');
    tokens.kofi = await tokenOf('student');
    expect(tokens.kofi).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('the student sets a PIN; the device then holds no readable token of either', async () => {
    await page.locator('.student-nav').getByRole('link', { name: 'Me', exact: true }).click();
    await page.getByRole('radio', { name: 'Owl' }).click();
    await expect.poll(() => page.getByRole('radio', { name: 'Owl' }).getAttribute('aria-checked')).toBe('true');
    await page.getByLabel('New secret number (4 numbers)').fill(KOFI_PIN);
    await page.getByLabel('The same number again').fill(KOFI_PIN);
    await page.getByRole('button', { name: 'Save my secret number' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your secret number is saved' }).count()).toBe(1);

    const needles = [tokens.teacher, tokens.kofi, ...tokens.teacher.split('.').slice(1), ...tokens.kofi.split('.').slice(1), TEACHER_SECRET];
    expect(await readableOnDevice(page, needles)).toEqual([]);
    const rows = await rawProfiles(page);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.token).toBeNull();
      expect(row.sealedToken).toEqual({ iv: expect.stringMatching(/^[0-9a-f]{24}$/), data: expect.stringMatching(/^[0-9a-f]+$/) });
      expect(String(row.pinHash)).toMatch(/^pbkdf2\$100000\$/);
    }
  });

  it('closed and opened again, the picker asks for the PIN; the opened profile still syncs', async () => {
    const url = page.url();
    await page.close();
    page = await device.context.newPage();
    await page.goto(url);
    await expect.poll(h1, { timeout: 20_000 }).toBe('Who are you?');
    expect(await page.locator('.save-status').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/picker-360.png`, fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await tile('Kofi Mensah').click();
    await expect.poll(h1, { timeout: 30_000 }).toBe('Type your secret number');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/pin-pad-360.png`, fullPage: true });
    await page.getByRole('textbox', { name: 'Type your secret number' }).fill(KOFI_PIN);
    await expect.poll(h1, { timeout: 20_000 }).toContain('Hi Kofi');

    // The token came back from its seal: Kofi's new goal reaches the relay's disk.
    await page.locator('.student-nav').getByRole('link', { name: 'My plan', exact: true }).click();
    await page.getByRole('button', { name: 'Suggest a new goal' }).click();
    await page.getByLabel('Goal', { exact: true }).fill('Read a chapter book');
    await page.getByLabel('Why it matters').fill('I like stories');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain('Stored on the school server');
  });

  it('the teacher profile opens only with its PIN or password', async () => {
    await page.getByRole('button', { name: 'Switch person' }).click();
    await tile('Ms Rivera').click();
    await expect.poll(h1, { timeout: 30_000 }).toBe('Type your PIN or password');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/teacher-lock-360.png`, fullPage: true });
    await page.getByLabel('PIN or password', { exact: true }).fill('maple-tree-43');
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('not right');
    expect(await h1()).toBe('Type your PIN or password');
    await page.getByLabel('PIN or password', { exact: true }).fill(TEACHER_SECRET);
    await page.getByRole('button', { name: 'Open' }).click();
    // Her class, with Kofi's goal synced in through her own (unsealed) token.
    await expect.poll(() => page.locator('main').innerText(), { timeout: 20_000 }).toContain('Kofi Mensah');
    await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain('Synced');

    // She changes her password on Class setup: the token is sealed again, and only the new one opens.
    await page.goto(new URL('#/setup', app.url).toString());
    const card = page.getByRole('form', { name: 'Your PIN or password on this device' });
    await card.getByLabel('PIN or password (at least 6 characters)').fill('river-stone-7');
    await card.getByLabel('The same again').fill('river-stone-7');
    await card.getByRole('button', { name: 'Lock and continue' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your new PIN or password is saved' }).count()).toBe(1);
    expect(await readableOnDevice(page, [tokens.teacher, ...tokens.teacher.split('.').slice(1), 'river-stone-7'])).toEqual([]);
    await page.getByRole('button', { name: 'Switch person' }).click();
    await tile('Ms Rivera').click();
    await page.getByLabel('PIN or password', { exact: true }).fill(TEACHER_SECRET);
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('not right');
    await page.getByLabel('PIN or password', { exact: true }).fill('river-stone-7');
    await page.getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain('Synced');

    // A reload does not reopen her profile either.
    await page.reload();
    await expect.poll(h1, { timeout: 20_000 }).toBe('Who are you?');
  });

  it('the slow-down after wrong PINs survives a reload', async () => {
    await tile('Kofi Mensah').click();
    const pin = page.getByRole('textbox', { name: 'Type your secret number' });
    for (const wrong of ['1111', '1112', '1113']) {
      await expect.poll(() => pin.isEnabled()).toBe(true);
      await pin.fill(wrong);
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not the right number' }).count()).toBe(1);
    }
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/Wait \d+ seconds/);
    expect(await pin.isDisabled()).toBe(true);

    await page.reload();
    await expect.poll(h1, { timeout: 20_000 }).toBe('Who are you?');
    await tile('Kofi Mensah').click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/Wait \d+ seconds/);
    expect(await pin.isDisabled()).toBe(true);

    // Once the wait is over the right PIN opens (the wait is real time: 10 s after the third wrong try).
    await expect.poll(() => pin.isEnabled(), { timeout: 30_000, interval: 250 }).toBe(true);
    await pin.fill(KOFI_PIN);
    await expect.poll(h1, { timeout: 20_000 }).toContain('Hi Kofi');
  });

  it('a locked profile\'s unsent work stays on the device, shown on its tile, and syncs when it is opened', async () => {
    await device.context.setOffline(true);
    await page.locator('.student-nav').getByRole('link', { name: 'My plan', exact: true }).click();
    await page.getByRole('button', { name: 'Suggest a new goal' }).click();
    await page.getByLabel('Goal', { exact: true }).fill('Learn ten new words');
    await page.getByLabel('Why it matters').fill('For my stories');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await expect.poll(() => syncStatus(page), { timeout: 20_000 }).toMatch(/waiting to sync|Offline|Can.t reach/);
    await page.getByRole('button', { name: 'Switch person' }).click();
    await expect.poll(() => tile('Kofi Mensah').innerText(), { timeout: 20_000 }).toMatch(/\d+ changes? not sent yet/);
    await page.screenshot({ path: `${SHOTS}/picker-unsent-360.png`, fullPage: true });

    await device.context.setOffline(false);
    // Nothing syncs while Kofi's profile is locked; opening it sends the goal.
    expect(await tile('Kofi Mensah').innerText()).toMatch(/not sent yet/);
    await tile('Kofi Mensah').click();
    await page.getByRole('textbox', { name: 'Type your secret number' }).fill(KOFI_PIN);
    await expect.poll(h1, { timeout: 20_000 }).toContain('Hi Kofi');
    await expect.poll(() => syncStatus(page), { timeout: 40_000 }).toContain('Stored on the school server');
    await page.getByRole('button', { name: 'Switch person' }).click();
    await expect.poll(() => tile('Kofi Mensah').innerText()).not.toMatch(/not sent yet/);
  });
});
