import { render } from 'preact';
import type { Language } from '../core';
import { localDb } from '../local/db';
import { createProfile } from '../local/profiles';
import { App } from './App';
import { rememberProfile } from './session/last-profile';

/**
 * Everything beyond the welcome screen, as one dynamically imported module: main.tsx loads it in
 * the background once the welcome screen is interactive, or straight away for a returning device.
 */
export function startApp(root: HTMLElement, language?: Language): void {
  render(<App initialLanguage={language} />, root);
}

/** Opens the device's registry ahead of the first tap, so "Continue" does not wait on it. */
export async function warmUp(): Promise<void> {
  await localDb().open();
}

/** The welcome screen's "Continue": the teacher's profile, remembered, so the app opens it. */
export async function createTeacher(displayName: string, language: Language): Promise<void> {
  const profile = await createProfile({ role: 'teacher', displayName, language });
  rememberProfile(profile.id);
}
