import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hashPin } from '../../src/app/profiles/pin';
import { launchDevice, openApp, seriousA11yViolations, type Profile } from './support/browser';
import { serveBuiltApp, type ServedApp } from './support/serve';
import { classFixture, seedDevice, storedOnDisk, type SeededClass } from './student-seed';
import { studentNav, studentWork } from './student-actions';

/**
 * Two students share one offline device: each opens their own profile (by picture, one with a
 * PIN), proposes a goal, adds a project with a photo and a journal entry, and neither sees the
 * other's work. Removing a profile whose work never reached the school server is refused.
 */
describe('two students share one offline device', () => {
  let app: ServedApp;
  let device: Profile;
  let page: Page;
  let seeded: SeededClass;

  beforeAll(async () => {
    app = await serveBuiltApp();
    device = await launchDevice({ width: 390, height: 844 });
    page = await openApp(device.context, app.url);
    await page.clock.install();
    seeded = await seedDevice(page, classFixture(['Ana Lopez', 'Mateo Chen']), [
      { picture: 0, pinHash: null },
      { picture: 6, pinHash: await hashPin('2468') },
    ]);
    await device.context.setOffline(true);
    await page.reload();
  });

  afterAll(async () => {
    await device?.close();
    await app?.dispose();
  });

  const tile = (name: string) => page.locator('.picker__tile').filter({ hasText: name });
  const h1 = () => page.getByRole('heading', { level: 1 }).innerText();
  const nav = (place: string) => studentNav(page, place);

  it('each opens their own profile and works; photos are shrunk and kept on the device', async () => {
    await tile('Ana Lopez').click();
    await expect.poll(h1, { timeout: 30_000 }).toContain('Hi Ana!');
    await studentWork(page, { goal: 'Swim 25 metres', project: 'Make a comic about frogs', fromCatalog: false, photoSeed: 1, journal: 'Ana drew three frogs' });
    expect(await page.locator('.journal-entry').innerText()).toContain('Ana drew three frogs');

    await page.getByRole('button', { name: 'Switch person' }).click();
    await tile('Mateo Chen').click();
    await expect.poll(h1, { timeout: 30_000 }).toBe('Type your secret number');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'Type your secret number' }).fill('1111');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not the right number' }).count()).toBe(1);
    await page.getByRole('textbox', { name: 'Type your secret number' }).fill('2468');
    await expect.poll(h1, { timeout: 30_000 }).toContain('Hi Mateo!');
    await studentWork(page, { goal: 'Learn to juggle three balls', project: 'Grow a bean plant', fromCatalog: true, photoSeed: 2, journal: 'Mateo planted two beans' });

    // Each photo was shrunk on the device: long side at most 1600 px, at most 300 KB, named by its sha-256.
    const photos = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('pathbook'); r.onsuccess = () => resolve(r.result); });
      const rows = await new Promise<{ profileId: string; hash: string; size: number; bytes: ArrayBuffer; uploadedAt: number | null }[]>((resolve) => {
        const tx = db.transaction('blobs', 'readonly');
        const all = tx.objectStore('blobs').getAll();
        tx.oncomplete = () => resolve(all.result);
      });
      db.close();
      return Promise.all(rows.map(async (row) => {
        const bitmap = await createImageBitmap(new Blob([row.bytes]));
        const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', row.bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
        return { profileId: row.profileId, size: row.size, width: bitmap.width, height: bitmap.height, hashOk: digest === row.hash, uploadedAt: row.uploadedAt };
      }));
    });
    expect(photos).toHaveLength(2);
    expect(new Set(photos.map((p) => p.profileId))).toEqual(new Set(seeded.students.map((s) => s.profileId)));
    for (const p of photos) {
      expect(Math.max(p.width, p.height)).toBeLessThanOrEqual(1600);
      expect(Math.max(p.width, p.height)).toBeGreaterThan(1000);
      expect(p.size).toBeLessThanOrEqual(300 * 1024);
      expect(p.hashOk).toBe(true);
      expect(p.uploadedAt).toBeNull();
    }
    console.log('[student e2e] photos kept:', photos.map((p) => `${p.width}x${p.height} ${Math.round(p.size / 1024)} KB`).join(', '));
  });

  it('neither sees the other\'s work', async () => {
    // Mateo is open: nothing of Ana's on any of his screens.
    for (const place of ['My plan', 'Projects', 'Journal']) {
      await nav(place);
      const text = await page.locator('main').innerText();
      for (const anas of ['Swim 25 metres', 'Make a comic about frogs', 'Ana drew three frogs']) expect(text).not.toContain(anas);
    }
    expect(await storedOnDisk(page, seeded.students[1]!.profileId, 'plan:', 'Swim 25 metres')).toBe(false);

    await page.getByRole('button', { name: 'Switch person' }).click();
    await tile('Ana Lopez').click();
    await expect.poll(h1, { timeout: 30_000 }).toContain('Hi Ana!');
    for (const place of ['My plan', 'Projects', 'Journal']) {
      await nav(place);
      await expect.poll(() => page.locator('main').innerText()).toMatch(/Swim 25 metres|Make a comic about frogs|Ana drew three frogs/);
      const text = await page.locator('main').innerText();
      for (const mateos of ['Learn to juggle', 'Grow a bean plant', 'Mateo planted']) expect(text).not.toContain(mateos);
    }
    expect(await storedOnDisk(page, seeded.students[0]!.profileId, 'plan:', 'Learn to juggle')).toBe(false);
  });

  it('removing a profile whose work is only on this device is refused, with what would be lost', async () => {
    await nav('Me');
    await page.getByRole('button', { name: 'Remove me from this device' }).click();
    const warning = page.locator('.notice--warning');
    await expect.poll(() => warning.innerText()).toContain('Not yet');
    expect(await warning.innerText()).toContain('1 photo is not sent yet');
    expect(await warning.innerText()).toContain('Nothing was removed');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch person' }).click();
    await expect.poll(() => page.locator('.picker__tile').count()).toBe(2);
  });

  it('an open profile locks after a few idle minutes', async () => {
    await tile('Ana Lopez').click();
    await expect.poll(h1, { timeout: 30_000 }).toContain('Hi Ana!');
    await page.clock.fastForward('03:05');
    await expect.poll(h1, { timeout: 30_000 }).toBe('Who are you?');
    // And a reload does not bring Ana's work back without choosing her again.
    await page.reload();
    await expect.poll(h1, { timeout: 30_000 }).toBe('Who are you?');
  });
});
