import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDevice, openApp, type Profile } from './browser';
import { serveBuiltApp, type ServedApp } from './serve';

export interface DeviceSetup {
  width?: number;
  height?: number;
  locale?: string;
  /** Runs on the new browser profile before the app is opened in it (init scripts, routes). */
  prepare?(device: Profile): Promise<void>;
}

/** The built app served by a relay, and one Chromium profile per device with the app open in it. */
export interface ServedAppOnDevices {
  app: ServedApp;
  devices: Profile[];
  pages: Page[];
}

/**
 * Registers, for the describe block it is called in, a relay serving the built app and a browser
 * profile per device with the app open (beforeAll), and stops them all (afterAll). The returned
 * object is filled in before the block's own beforeAll hooks run.
 */
export function servedAppOn(devices: DeviceSetup[] = [{}]): ServedAppOnDevices {
  const env = { devices: [], pages: [] } as unknown as ServedAppOnDevices;
  beforeAll(async () => {
    env.app = await serveBuiltApp();
    for (const { prepare, ...options } of devices) {
      const device = await launchDevice(options);
      env.devices.push(device);
      await prepare?.(device);
      env.pages.push(await openApp(device.context, env.app.url));
    }
  }, 120_000);
  afterAll(async () => {
    for (const device of env.devices) await device.close();
    await env.app?.dispose();
  });
  return env;
}
