import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The header's sync words ("Saved on this device", "Synced…", "Stored on the school server"). */
export const syncStatus = (page: Page) => page.locator('.save-status').innerText();

/**
 * What a teacher does on their first day, through the real screens: make a class offline with its
 * roster, then connect it to the school server. Returns the class code students type.
 */
export async function teacherMakesAndConnectsClass(
  teacher: Page,
  { students, email = 'rivera@school.test', password = 'correct horse battery' }: { students: string[]; email?: string; password?: string },
): Promise<string> {
  await teacher.getByRole('button', { name: "I'm a teacher" }).click();
  await teacher.getByLabel('Your name').fill('Ms Rivera');
  await teacher.getByRole('button', { name: 'Continue' }).click();
  await teacher.getByLabel('Class name').fill('Year 5 Maple');
  await teacher.getByRole('button', { name: 'Create class' }).click();
  for (const name of students) {
    await teacher.getByLabel('Student name').fill(name);
    await teacher.getByRole('button', { name: 'Add student' }).click();
  }
  await expect.poll(() => teacher.locator('.roster li').count()).toBe(students.length);
  await teacher.getByRole('link', { name: 'Connect to the school server' }).click();
  await teacher.getByLabel('Email').fill(email);
  await teacher.getByLabel('Password').fill(password);
  await teacher.getByRole('button', { name: 'Create account and connect' }).click();
  const code = (await teacher.locator('.join-code__code').innerText({ timeout: 20_000 })).trim();
  await expect.poll(() => syncStatus(teacher), { timeout: 20_000 }).toContain('Stored on the school server');
  return code;
}
