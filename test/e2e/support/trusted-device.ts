import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, type Profile } from './browser';

/**
 * A Chromium device that trusts the school's certificate authority the way a Linux device does:
 * the CA is added to the NSS database in the user's own HOME (~/.pki/nssdb) with certutil, and
 * Chromium runs with that HOME. No --ignore-certificate-errors: an untrusted certificate fails.
 * `hostRules` maps school host names to 127.0.0.1 (there is no DNS for them here).
 */
export async function launchTrustingDevice(options: { caFile: string | null; hostRules: string; locale?: string }): Promise<Profile & { home: string }> {
  const home = await mkdtemp(join(tmpdir(), 'pathbook-device-home-'));
  const nssdb = join(home, '.pki', 'nssdb');
  await mkdir(nssdb, { recursive: true });
  execFileSync('certutil', ['-N', '-d', `sql:${nssdb}`, '--empty-password']);
  if (options.caFile) execFileSync('certutil', ['-A', '-d', `sql:${nssdb}`, '-n', 'Pathbook school CA', '-t', 'C,,', '-i', options.caFile]);
  const profileDir = join(home, 'profile');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=${options.hostRules}`],
    env: { ...process.env, HOME: home },
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: options.locale ?? 'en-US',
  });
  return {
    home,
    context,
    close: async () => {
      await context.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}
