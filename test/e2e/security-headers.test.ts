import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDevice, openApp, seriousA11yViolations, type Profile } from './support/browser';
import { serveBuiltApp, type ServedApp } from './support/serve';

/**
 * Issue 8: the relay sends a Content-Security-Policy, frame-ancestors, Referrer-Policy and nosniff.
 * The built app must still load, register its service worker and run its screens with none of
 * its own requests refused by the policy.
 */
describe('the built app under its Content-Security-Policy', () => {
  let app: ServedApp;
  let device: Profile;
  let page: Page;
  const consoleCsp: string[] = [];

  beforeAll(async () => {
    app = await serveBuiltApp();
    device = await launchDevice();
    // Installed through the browser's debugging protocol, so the policy does not block it.
    await device.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    device.context.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) consoleCsp.push(m.text());
    });
    page = await openApp(device.context, app.url);
  });

  afterAll(async () => {
    await device?.close();
    await app?.dispose();
  });

  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

  it('sends the headers with the app, its service worker and the API', async () => {
    for (const path of ['', 'sw.js', 'manifest.webmanifest', 'api/health', 'trust']) {
      const res = await fetch(app.url + path);
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      // The /trust page has a stricter policy of its own (no scripts at all).
      expect(res.headers.get('content-security-policy'), path).toMatch(path === 'trust' ? /default-src 'none'/ : /script-src 'self'/);
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('the app loads and its service worker controls the page, with no violation', async () => {
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state)).toBe('activated');
    await expect.poll(() => page.locator('#app').innerText()).not.toContain('Pathbook…');
    expect(await violations()).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });

  it('screens that load more code, and a reload from the service worker, run with no violation', async () => {
    for (const route of ['#/join/ABCDEF', '#/connect', '#/']) {
      await page.goto(app.url + route);
      await page.waitForLoadState('networkidle');
    }
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    expect(consoleCsp).toEqual([]);
    // The accessibility check injects axe without being blocked either.
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the policy is enforced: an injected inline script is refused and reported', async () => {
    await page.addScriptTag({ content: 'window.injected = true' }).catch(() => {});
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await expect.poll(violations, { timeout: 30_000 }).toEqual([expect.stringContaining('script-src')]);
  });
});
