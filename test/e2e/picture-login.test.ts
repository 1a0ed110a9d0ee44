import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDevice, openApp, seriousA11yViolations, type Profile } from './support/browser';
import { hasColourEmojiFont, readableOnDevice } from './support/device-storage';
import { serveBuiltApp, type ServedApp } from './support/serve';
import { classFixture, seedDevice } from './student-seed';

const SHOTS = 'test-results/picture-login';
const NAMES = [
  'Ana Lopez', 'Kofi Mensah', 'Mateo Chen', 'Aisha Bello', 'Liam Murphy', 'Priya Nair', 'Yuki Sato', 'Omar Haddad', 'Sofia Rossi',
  'Tendai Moyo', 'Lena Novak', 'Diego Ruiz', 'Mei Wong', 'Kwame Asante', 'Ines Silva', 'Noah Berg', 'Zara Khan', 'Tomas Lind',
];

/**
 * The login pictures on a 360 px phone whose Chromium has no colour-emoji font (this machine has
 * none: the test checks it): every picture is an SVG that draws itself, none is an emoji.
 */
describe('picture login without an emoji font', () => {
  let app: ServedApp;
  let device: Profile;
  let page: Page;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    app = await serveBuiltApp();
    device = await launchDevice({ width: 360, height: 800 });
    page = await openApp(device.context, app.url);
    await seedDevice(page, classFixture(NAMES), NAMES.map((_, i) => ({ picture: i, pinHash: null })));
    await page.reload();
  });

  afterAll(async () => {
    await device?.close();
    await app?.dispose();
  });

  const h1 = () => page.getByRole('heading', { level: 1 }).innerText();

  it('the picker shows a distinct drawn picture for each of 18 people', async () => {
    expect(await hasColourEmojiFont(page)).toBe(false);
    await expect.poll(h1, { timeout: 20_000 }).toBe('Who are you?');
    await expect.poll(() => page.locator('.picker__tile svg.picture').count()).toBe(NAMES.length);
    const pictures = await page.locator('.picker__tile svg.picture').evaluateAll((svgs) =>
      svgs.map((svg) => ({ name: svg.getAttribute('data-picture'), width: svg.getBoundingClientRect().width, shapes: svg.querySelectorAll('path, circle, ellipse, rect').length })));
    expect(new Set(pictures.map((p) => p.name)).size).toBe(NAMES.length);
    for (const p of pictures) {
      expect(p.width).toBeGreaterThanOrEqual(48);
      expect(p.shapes).toBeGreaterThan(0);
    }
    // Nothing on the screen depends on an emoji font.
    expect(await page.locator('body').innerText()).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/picker-360.png`, fullPage: true });
  });

  it('the picture chooser names every picture for screen readers, in each language', async () => {
    await page.locator('.picker__tile').filter({ hasText: 'Ana Lopez' }).click();
    await expect.poll(h1, { timeout: 20_000 }).toContain('Hi Ana');
    await page.locator('.student-nav').getByRole('link', { name: 'Me', exact: true }).click();
    const radios = page.getByRole('radiogroup', { name: 'My picture' }).getByRole('radio');
    await expect.poll(() => radios.count()).toBe(18);
    const english = await radios.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(new Set(english).size).toBe(18);
    expect(english.slice(0, 3)).toEqual(['Fox', 'Turtle', 'Lion']);
    expect(await page.locator('main').innerText()).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('radiogroup', { name: 'My picture' }).screenshot({ path: `${SHOTS}/choose-picture-360.png` });

    await page.getByLabel('Language').selectOption('es');
    const spanish = page.getByRole('radiogroup', { name: 'Mi dibujo' }).getByRole('radio');
    await expect.poll(() => spanish.count()).toBe(18);
    const names = await spanish.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(new Set(names).size).toBe(18);
    expect(names.filter((n) => english.includes(n))).toEqual([]);
    await page.getByLabel('Idioma').selectOption('en');
  });

  it('a picture password: chosen on the Me page, asked for by the picker, sealing the token', async () => {
    // Ana's device joined a relay once: a token sits in her profile until she chooses a lock.
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmEifQ.ana-token-signature-123';
    await page.evaluate(async (token) => {
      const db = await new Promise<IDBDatabase>((resolve) => { const r = indexedDB.open('pathbook'); r.onsuccess = () => resolve(r.result); });
      const store = () => db.transaction('profiles', 'readwrite').objectStore('profiles');
      const rows = await new Promise<{ displayName: string }[]>((resolve) => { const all = store().getAll(); all.onsuccess = () => resolve(all.result); });
      const ana = rows.find((r) => r.displayName === 'Ana Lopez')!;
      await new Promise((resolve) => { const put = store().put({ ...ana, token, relayUrl: 'http://127.0.0.1:9' }); put.onsuccess = resolve; });
      db.close();
    }, token);
    expect(await readableOnDevice(page, [token])).toEqual([token]);

    const secret = page.getByRole('region', { name: 'My secret pictures' });
    for (const name of ['Moon', 'Fish', 'Fox']) await secret.getByRole('button', { name, exact: true }).click();
    await secret.getByRole('button', { name: 'Save my secret pictures' }).click();
    await expect.poll(() => secret.getByRole('status').filter({ hasText: 'Your secret pictures are saved' }).count()).toBe(1);
    expect(await readableOnDevice(page, [token, 'ana-token-signature-123'])).toEqual([]);

    await page.getByRole('button', { name: 'Switch person' }).click();
    const ana = page.locator('.picker__tile').filter({ hasText: 'Ana Lopez' });
    await expect.poll(() => ana.innerText()).toContain('secret pictures');
    await ana.click();
    await expect.poll(h1, { timeout: 30_000 }).toBe('Tap your secret pictures');
    expect(await page.locator('body').innerText()).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/picture-password-360.png`, fullPage: true });
    for (const name of ['Fox', 'Moon', 'Fish']) await page.getByRole('button', { name, exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('not your pictures');
    expect(await h1()).toBe('Tap your secret pictures');
    for (const name of ['Moon', 'Fish', 'Fox']) {
      await expect.poll(() => page.getByRole('button', { name, exact: true }).isEnabled()).toBe(true);
      await page.getByRole('button', { name, exact: true }).click();
    }
    await expect.poll(h1, { timeout: 20_000 }).toContain('Hi Ana');
  });
});
