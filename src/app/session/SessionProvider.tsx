import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { DocStore } from '../../local/doc-store';
import { getProfile, updateProfile } from '../../local/profiles';
import type { DeviceProfile } from '../../local/types';
import { SessionContext, type Session } from './context';

const LAST_PROFILE_KEY = 'pathbook:last-profile';

/** Remembers who last used this device so a reload (or a crash) lands back in their work. */
export function rememberedProfileId(): string | null {
  try {
    return localStorage.getItem(LAST_PROFILE_KEY);
  } catch {
    return null;
  }
}

function remember(profileId: string | null): void {
  try {
    if (profileId) localStorage.setItem(LAST_PROFILE_KEY, profileId);
    else localStorage.removeItem(LAST_PROFILE_KEY);
  } catch {
    // Storage may be unavailable (private mode); the app still works for this visit.
  }
}

/**
 * Closing writes what is still queued. If the disk refuses, the documents stay open in this page
 * (nothing is dropped) and the storage alert has already told the person.
 */
function closeQuietly(store: DocStore | null): void {
  store?.closeAll().catch((error: unknown) => console.warn('Pathbook: some changes are still waiting to be saved', error));
}

export function SessionProvider(props: { children: ComponentChildren; onReady(): void }) {
  const [profile, setProfile] = useState<DeviceProfile | null>(null);
  const [store, setStore] = useState<DocStore | null>(null);

  const open = useCallback(async (profileId: string) => {
    const found = await getProfile(profileId);
    if (!found) return;
    await updateProfile(profileId, { lastOpenedAt: Date.now() });
    setStore((previous) => {
      if (previous && previous.profileId === profileId) return previous;
      closeQuietly(previous);
      return new DocStore(profileId);
    });
    setProfile(found);
    remember(profileId);
  }, []);

  const close = useCallback(() => {
    setStore((previous) => {
      closeQuietly(previous);
      return null;
    });
    setProfile(null);
    remember(null);
  }, []);

  const refreshProfile = useCallback(async () => {
    if (profile) setProfile((await getProfile(profile.id)) ?? null);
  }, [profile]);

  useEffect(() => {
    const last = rememberedProfileId();
    (last ? open(last) : Promise.resolve()).catch((e: unknown) => console.error(e)).finally(props.onReady);
  }, []);

  const session = useMemo<Session>(
    () => ({ profile, store, classId: profile?.classIds[0] ?? null, open, close, refreshProfile }),
    [profile, store, open, close, refreshProfile],
  );
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}
