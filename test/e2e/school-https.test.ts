import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeSchoolCertificates } from '../../scripts/tls/school-certificates';
import { startRelay, type Relay } from '../../src/relay/relay';
import { openApp } from './support/browser';
import { syncStatus, teacherMakesAndConnectsClass } from './support/people';
import { injectedDisk } from '../relay/full-disk';
import { cleanup as relayTestCleanup } from '../relay/wait';
import { launchTrustingDevice } from './support/trusted-device';

const HOST = 'school.pathbook.test';

/**
 * Pathbook at a school with no internet: the relay serves HTTPS with a certificate from the
 * school's own CA (npm run make-certificate), a device trusts that CA once (NSS database in its
 * HOME, as /trust tells people to do), and the app then works as on localhost: service worker,
 * install, offline. The same name over plain HTTP (a relay without HTTPS) explains instead.
 */
describe('Pathbook at https://school.pathbook.test', () => {
  let dir: string;
  let relay: Relay;
  let plain: Relay;
  let device: Awaited<ReturnType<typeof launchTrustingDevice>>;
  let page: Page;
  let httpsUrl: string;

  beforeAll(async () => {
    if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the browser tests (npm test does).');
    dir = await mkdtemp(join(tmpdir(), 'pathbook-e2e-https-'));
    const files = await makeSchoolCertificates(join(dir, 'tls'), { hosts: [HOST], ips: ['192.168.1.10'] });
    relay = await startRelay({ dataDir: join(dir, 'data'), host: '127.0.0.1', port: 0, quiet: true, tlsCert: files.serverCert, tlsKey: files.serverKey, httpPort: 0 });
    plain = await startRelay({ dataDir: join(dir, 'plain'), host: '127.0.0.1', port: 0, quiet: true });
    httpsUrl = `https://${HOST}:${relay.port}/`;
    device = await launchTrustingDevice({ caFile: files.caCert, hostRules: `MAP ${HOST} 127.0.0.1` });
  });

  afterAll(async () => {
    await relayTestCleanup();
    await device?.close();
    await relay?.close();
    await plain?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('opens over HTTPS trusted through the school CA: the service worker controls the page and it installs', async () => {
    page = await openApp(device.context, httpsUrl);
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, subtle: Boolean(crypto.subtle), protocol: location.protocol }))).toEqual({
      secure: true,
      subtle: true,
      protocol: 'https:',
    });
    const cdp = await device.context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors).toEqual([]);
  });

  it('a teacher connects over wss, sees the QR code to /trust, and a check-in survives an offline reload', async () => {
    await teacherMakesAndConnectsClass(page, { students: ['Ana Lopez'] });
    const trustUrl = `http://${HOST}:${relay.redirectPort}/trust`;
    await expect.poll(() => page.locator('.join-code__url').allInnerTexts()).toContain(trustUrl);
    expect(await page.getByRole('img', { name: /trust the school server/ }).count()).toBe(1);

    await page.goto(new URL('#/class', httpsUrl).toString());
    await page.getByRole('link', { name: 'Ana Lopez', exact: true }).click();
    await page.getByRole('link', { name: 'Check in' }).click();
    await page.getByLabel('Shared note').fill('Read two chapters on her own');
    await page.getByLabel(/Private note/).fill('Ask about the library card');

    await device.context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => page.getByLabel('Shared note').inputValue(), { timeout: 20_000 }).toBe('Read two chapters on her own');
      // The private note's document opens a moment after the check-in's (first-visit work): wait for it.
      await expect.poll(() => page.getByLabel(/Private note/).inputValue(), { timeout: 20_000 }).toBe('Ask about the library card');
    } finally {
      // The later tests share this browser: never leave it offline.
      await device.context.setOffline(false);
    }
  });

  it("the teacher's header says when the school server cannot save, and 'stored' once it heals by itself", async () => {
    await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain('Stored on the school server');
    const disk = injectedDisk(join(dir, 'unused'));
    disk.fill(relay.db);
    await page.getByLabel('Shared note').fill('Read three chapters on her own');
    await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain("The school server can't save right now");
    expect(await syncStatus(page)).not.toContain('Stored on the school server');
    const freedAt = Date.now();
    disk.free();
    await expect.poll(() => syncStatus(page), { timeout: 30_000 }).toContain('Stored on the school server');
    console.log(`[school-https] header back to "Stored on the school server" ${Date.now() - freedAt} ms after space returned, with no new edit`);
    expect(await syncStatus(page)).not.toContain("can't save");
  });

  it('the plain-HTTP port gives /trust and sends the app to https', async () => {
    const trust = await device.context.newPage();
    await trust.goto(`http://${HOST}:${relay.redirectPort}/trust`);
    expect(await trust.getByRole('heading', { level: 1 }).innerText()).toBe("Trust this school's Pathbook server");
    await trust.goto(`http://${HOST}:${relay.redirectPort}/`);
    expect(trust.url()).toBe(httpsUrl);
    await trust.close();
  });

  it('over plain HTTP on that name (a relay without HTTPS) the app explains instead of half-working', async () => {
    const insecure = await device.context.newPage();
    await insecure.goto(`http://${HOST}:${plain.port}/`);
    await expect.poll(() => insecure.getByRole('heading', { level: 1 }).innerText(), { timeout: 20_000 }).toBe('This address cannot work offline');
    expect(await insecure.evaluate(() => window.isSecureContext)).toBe(false);
    expect(await insecure.getByRole('link', { name: `Open https://${HOST}:${plain.port}` }).count()).toBe(1);
    expect(await insecure.getByRole('button', { name: "I'm a teacher" }).count()).toBe(0);
    await insecure.close();
  });
});
