import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDevice, openApp, seriousA11yViolations, type Profile } from './support/browser';
import { servedAppOn } from './support/served-app';
import { syncStatus, teacherMakesAndConnectsClass } from './support/people';
import type { ServedApp } from './support/serve';

/**
 * Two real devices meet through the relay: a teacher's and a student's, each a separate Chromium
 * profile. Both work offline, come back online, and each sees the other's work, stored on the relay.
 */
describe('a teacher and a student sync through the relay', () => {
  const env = servedAppOn([{}, {}]);
  let app: ServedApp;
  let teacherDevice: Profile;
  let studentDevice: Profile;
  let teacher: Page;
  let student: Page;
  beforeAll(() => {
    app = env.app;
    [teacherDevice, studentDevice] = env.devices as [Profile, Profile];
    [teacher, student] = env.pages as [Page, Page];
  });

  const status = syncStatus;

  it('a class made offline is connected, and a student joins it with the code', async () => {
    const code = await teacherMakesAndConnectsClass(teacher, { students: ['Ana Lopez', 'Mateo Chen'] });
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(await seriousA11yViolations(teacher)).toEqual([]);

    await student.getByRole('button', { name: "I'm a student" }).click();
    await student.getByRole('link', { name: 'Join your class' }).click();
    await student.getByLabel('Class code').fill(code);
    await student.getByRole('button', { name: 'Next' }).click();
    await student.getByRole('button', { name: "I'm Ana Lopez" }).click();
    await expect.poll(() => student.getByRole('heading', { level: 1 }).innerText(), { timeout: 20_000 }).toContain('Ana');
    await expect.poll(() => status(student), { timeout: 20_000 }).toContain('Synced');
  });

  it('both edit offline; back online each sees the other, synced and stored on the relay', async () => {
    await teacherDevice.context.setOffline(true);
    await studentDevice.context.setOffline(true);

    // The teacher adds a goal to Ana's plan; Ana adds an interest to her own.
    await teacher.goto(new URL('#/class', app.url).toString());
    await teacher.getByRole('link', { name: 'Ana Lopez', exact: true }).click();
    await teacher.getByRole('button', { name: 'Add a goal' }).click();
    await teacher.getByLabel('Goal', { exact: true }).fill('Read two chapter books');
    await teacher.getByRole('button', { name: 'Save goal' }).click();
    await student.goto(new URL('#/my-plan', app.url).toString());
    await student.locator('#item-interest').fill('football');
    await student.locator('#item-interest').press('Enter');
    await expect.poll(() => status(teacher)).toMatch(/waiting to sync|Offline/);
    await expect.poll(() => status(student)).toMatch(/waiting to sync|Offline/);

    await teacherDevice.context.setOffline(false);
    await studentDevice.context.setOffline(false);
    await expect.poll(() => student.locator('main').innerText(), { timeout: 30_000 }).toContain('Read two chapter books');
    await expect.poll(() => teacher.locator('.chip').allInnerTexts(), { timeout: 30_000 }).toEqual([expect.stringContaining('football')]);
    for (const page of [teacher, student]) {
      await expect.poll(() => status(page), { timeout: 30_000 }).toContain('Stored on the school server');
      expect(await status(page)).toContain('Synced');
    }
  });

  it('the teacher signs in on a new device and gets the class back from the relay', async () => {
    const newDevice = await launchDevice({ width: 1280, height: 900 });
    try {
      const page = await openApp(newDevice.context, app.url);
      await page.getByRole('button', { name: "I'm a teacher" }).click();
      await page.getByLabel('Your name').fill('Ms Rivera');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('link', { name: 'Sign in to bring it to this device' }).click();
      await page.getByText('I already have an account').click();
      await page.getByLabel('Email').fill('rivera@school.test');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign in and connect' }).click();
      await expect.poll(() => page.locator('.join-code__code').count(), { timeout: 20_000 }).toBe(1);
      await page.goto(new URL('#/class', app.url).toString());
      await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toContain('Year 5 Maple');
      await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toContain('Mateo Chen');
      await page.getByRole('link', { name: 'Ana Lopez', exact: true }).click();
      await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toContain('Read two chapter books');
      expect(await page.locator('main').innerText()).toContain('football');
    } finally {
      await newDevice.close();
    }
  });
});
