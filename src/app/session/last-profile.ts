const LAST_PROFILE_KEY = 'pathbook:last-profile';

/** Remembers who last used this device so a reload (or a crash) lands back in their work, on a one-person device. */
export function rememberedProfileId(): string | null {
  try {
    return localStorage.getItem(LAST_PROFILE_KEY);
  } catch {
    return null;
  }
}

export function rememberProfile(profileId: string | null): void {
  try {
    if (profileId) localStorage.setItem(LAST_PROFILE_KEY, profileId);
    else localStorage.removeItem(LAST_PROFILE_KEY);
  } catch {
    // Storage may be unavailable (private mode); the app still works for this visit.
  }
}
