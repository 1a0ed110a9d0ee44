import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchDevice, openApp, seriousA11yViolations, type Profile } from './support/browser';
import { syncStatus, teacherMakesAndConnectsClass } from './support/people';
import { serveBuiltApp, type ServedApp } from './support/serve';

async function joinAs(student: Page, code: string, name: string): Promise<void> {
  await student.getByRole('button', { name: "I'm a student" }).click();
  await student.getByRole('link', { name: 'Join your class' }).click();
  await student.getByLabel('Class code').fill(code);
  await student.getByRole('button', { name: 'Next' }).click();
  await student.getByRole('button', { name: `I'm ${name}` }).click();
}

/**
 * Issue 9: the class code on the board is not a key to every child. Ana joins on her tablet; a
 * second device that picks "I'm Ana Lopez" waits, and only gets in once the teacher says yes.
 */
describe('a second device for a student waits for the teacher', () => {
  let app: ServedApp;
  const devices: Profile[] = [];
  let teacher: Page;
  let anasTablet: Page;
  let otherDevice: Page;

  beforeAll(async () => {
    app = await serveBuiltApp();
    for (let i = 0; i < 3; i++) devices.push(await launchDevice());
    teacher = await openApp(devices[0]!.context, app.url);
    anasTablet = await openApp(devices[1]!.context, app.url);
    otherDevice = await openApp(devices[2]!.context, app.url);
  });

  afterAll(async () => {
    for (const d of devices) await d.close();
    await app?.dispose();
  });

  it('the first device claims the name; a second one waits, the teacher approves it, and it goes on by itself', async () => {
    const code = await teacherMakesAndConnectsClass(teacher, { students: ['Ana Lopez', 'Mateo Chen'] });
    await joinAs(anasTablet, code, 'Ana Lopez');
    await expect.poll(() => syncStatus(anasTablet), { timeout: 20_000 }).toContain('Synced');

    await joinAs(otherDevice, code, 'Ana Lopez');
    await expect.poll(() => otherDevice.getByRole('heading', { name: 'Waiting for your teacher' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await otherDevice.getByRole('status').innerText()).toContain('Ana Lopez already uses Pathbook on another device');
    expect(await seriousA11yViolations(otherDevice)).toEqual([]);

    // The teacher's Connect screen shows the request within its refresh (15 s).
    const request = teacher.getByText(/Ana Lopez wants to join on a new device \(Chrome · Linux, /);
    await expect.poll(() => request.count(), { timeout: 30_000 }).toBe(1);
    expect(await seriousA11yViolations(teacher)).toEqual([]);
    await teacher.getByRole('button', { name: 'Let Ana Lopez join' }).click();

    // The waiting device asks again every 5 s and then opens Ana's profile.
    await expect.poll(() => otherDevice.getByRole('heading', { level: 1 }).innerText(), { timeout: 30_000 }).toContain('Ana');
    await expect.poll(() => syncStatus(otherDevice), { timeout: 20_000 }).toContain('Synced');
    // Both of Ana's devices are listed for the teacher.
    await expect.poll(() => teacher.getByText(/^Ana Lopez · Chrome · Linux · last seen/).count(), { timeout: 30_000 }).toBe(2);
  });
});
