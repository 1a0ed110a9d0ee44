import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export function studentNav(page: Page, place: string): Promise<void> {
  return page.locator('.student-nav').getByRole('link', { name: place, exact: true }).click();
}

/** A photo as a phone camera makes it: 3000 x 2000 px with texture, about 1-2 MB as a JPEG. */
export async function cameraPhoto(page: Page, seed: number): Promise<Buffer> {
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

/** What each student does in these tests: a goal, a project with a photo, a journal entry. */
export async function studentWork(page: Page, who: { goal: string; project: string; fromCatalog: boolean; photoSeed: number; journal: string }): Promise<void> {
  const nav = (place: string) => studentNav(page, place);
  const h1 = () => page.getByRole('heading', { level: 1 }).innerText();
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
  await expect.poll(h1, { timeout: 30_000 }).toBe(who.project);
  await page.getByRole('button', { name: 'Photo' }).click();
  const photo = await cameraPhoto(page, who.photoSeed);
  expect(photo.length).toBeGreaterThan(500 * 1024);
  await page.getByTestId('choose-photo').setInputFiles({ name: 'camera.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect.poll(() => page.locator('.evidence-preview img').count(), { timeout: 20_000 }).toBe(1);
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect.poll(() => page.locator('.evidence-list img').count()).toBe(1);

  await nav('Journal');
  await page.getByRole('button', { name: 'Write in my journal' }).click();
  await page.getByLabel('What did I do?').fill(who.journal);
  await page.getByRole('button', { name: 'Done' }).click();
}

