import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hashPin } from '../../src/app/profiles/pin';
import { launchDevice, openApp, seriousA11yViolations, type Profile } from './support/browser';
import { serveBuiltApp, type ServedApp } from './support/serve';
import { classFixture, seedDevice, storedOnDisk, type SeededClass } from './student-seed';

/** A photo as a phone camera makes it: 3000 x 2000 px with texture, about 1-2 MB as a JPEG. */
async function cameraPhoto(page: Page, seed: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (s) => {
    const small = document.createElement('canvas');
    small.width = 300;
    small.height = 200;
    const sg = small.getContext('2d')!;
    const image = sg.createImageData(300, 200);
    let x = s * 7919;
    for (let i = 0; i < image.data.length; i += 4) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      image.data[i] = 90 + (x & 127);
      image.data[i + 1] = 120 + ((x >> 8) & 63);
      image.data[i + 2] = (i / 1200) & 255;
      image.data[i + 3] = 255;
    }
    sg.putImageData(image, 0, 0);
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 2000;
    canvas.getContext('2d')!.drawImage(small, 0, 0, 3000, 2000);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, seed);
  return Buffer.from(base64, 'base64');
}

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
  const nav = (place: string) => page.locator('.student-nav').getByRole('link', { name: place, exact: true }).click();

  async function doWork(who: { goal: string; project: string; fromCatalog: boolean; photoSeed: number; journal: string }) {
    await nav('My plan');
    await page.getByRole('button', { name: 'Suggest a new goal' }).click();
    await page.getByLabel('Goal', { exact: true }).fill(who.goal);
    await page.getByLabel('Why it matters').fill('Because I want to');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await expect.poll(() => page.locator('.student-goal').filter({ hasText: who.goal }).innerText()).toContain('Waiting for your teacher');

    await nav('Projects');
    await page.getByRole('button', { name: 'Start a project' }).click();
    if (who.fromCatalog) {
      await page.getByRole('button', { name: `Choose “${who.project}”` }).click();
    } else {
      await page.getByLabel('Project name').fill(who.project);
      await page.getByRole('button', { name: 'Send my idea' }).click();
    }
    await expect.poll(h1).toBe(who.project);
    await page.getByRole('button', { name: 'Photo' }).click();
    const photo = await cameraPhoto(page, who.photoSeed);
    expect(photo.length).toBeGreaterThan(500 * 1024);
    await page.getByTestId('choose-photo').setInputFiles({ name: 'camera.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect.poll(() => page.locator('.evidence-preview img').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Add it to my project' }).click();
    await expect.poll(() => page.locator('.evidence-list img').count()).toBe(1);

    await nav('Journal');
    await page.getByRole('button', { name: 'Write in my journal' }).click();
    await page.getByLabel('What did I do?').fill(who.journal);
    await page.getByRole('button', { name: 'Done' }).click();
  }

  it('each opens their own profile and works; photos are shrunk and kept on the device', async () => {
    await tile('Ana Lopez').click();
    await expect.poll(h1).toContain('Hi Ana!');
    await doWork({ goal: 'Swim 25 metres', project: 'Make a comic about frogs', fromCatalog: false, photoSeed: 1, journal: 'Ana drew three frogs' });
    expect(await page.locator('.journal-entry').innerText()).toContain('Ana drew three frogs');

    await page.getByRole('button', { name: 'Switch person' }).click();
    await tile('Mateo Chen').click();
    await expect.poll(h1).toBe('Type your secret number');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'Type your secret number' }).fill('1111');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not the right number' }).count()).toBe(1);
    await page.getByRole('textbox', { name: 'Type your secret number' }).fill('2468');
    await expect.poll(h1).toContain('Hi Mateo!');
    await doWork({ goal: 'Learn to juggle three balls', project: 'Grow a bean plant', fromCatalog: true, photoSeed: 2, journal: 'Mateo planted two beans' });

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
    await expect.poll(h1).toContain('Hi Ana!');
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
    await expect.poll(h1).toContain('Hi Ana!');
    await page.clock.fastForward('03:05');
    await expect.poll(h1).toBe('Who are you?');
    // And a reload does not bring Ana's work back without choosing her again.
    await page.reload();
    await expect.poll(h1).toBe('Who are you?');
  });
});
