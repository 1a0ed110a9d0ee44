import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DocStore } from '../../local/doc-store';
import { localDb } from '../../local/db';
import type { Unlocked } from '../../local/profile-lock';
import { getProfile, updateProfile } from '../../local/profiles';
import type { DeviceProfile, LockKind } from '../../local/types';
import { SessionContext, type Session } from './context';
import { rememberProfile as remember, rememberedProfileId } from './last-profile';

/**
 * Closing writes what is still queued. If the disk refuses, the documents stay open in this page
 * (nothing is dropped) and the storage alert has already told the person.
 */
function closeQuietly(store: DocStore | null): void {
  store?.closeAll().catch((error: unknown) => console.warn('Pathbook: some changes are still waiting to be saved', error));
}

/** Whether a profile may open without a secret: it has no lock, and it is not a teacher on a device several people use. */
function opensWithoutSecret(profile: DeviceProfile, people: number): boolean {
  return !profile.pinHash && !(profile.role === 'teacher' && people > 1);
}

export function SessionProvider(props: { children: ComponentChildren; onReady(): void }) {
  const [profile, setProfile] = useState<DeviceProfile | null>(null);
  const [store, setStore] = useState<DocStore | null>(null);
  // The open profile's key and unsealed token: in memory only, dropped when the profile closes.
  const key = useRef<CryptoKey | null>(null);
  const token = useRef<string | null>(null);
  const openId = useRef<string | null>(null);

  /** The profile as the app sees it: a locked profile's token is the one held in memory. */
  const withToken = (row: DeviceProfile): DeviceProfile => (row.pinHash ? { ...row, token: token.current } : row);

  const open = useCallback(async (profileId: string, unlocked?: Unlocked) => {
    const found = await getProfile(profileId);
    if (!found) return false;
    if (!unlocked && !opensWithoutSecret(found, await localDb().profiles.count())) return false;
    key.current = unlocked?.key ?? null;
    token.current = unlocked ? unlocked.token : found.token;
    openId.current = profileId;
    const opened = await updateProfile(profileId, { lastOpenedAt: Date.now() });
    setStore((previous) => {
      if (previous && previous.profileId === profileId) return previous;
      closeQuietly(previous);
      return new DocStore(profileId);
    });
    setProfile(withToken(opened));
    remember(profileId);
    return true;
  }, []);

  const close = useCallback(() => {
    key.current = null;
    token.current = null;
    openId.current = null;
    setStore((previous) => {
      closeQuietly(previous);
      return null;
    });
    setProfile(null);
    remember(null);
  }, []);

  const refreshProfile = useCallback(async () => {
    const id = openId.current;
    if (!id) return;
    const row = await getProfile(id);
    if (openId.current === id) setProfile(row ? withToken(row) : null);
  }, []);

  const saveToken = useCallback(async (next: string) => {
    const id = openId.current;
    if (!id) return;
    token.current = next;
    const { storeToken } = await import('../../local/profile-lock');
    await storeToken(id, next, key.current);
    await refreshProfile();
  }, [refreshProfile]);

  const setSecret = useCallback(async (secret: string | null, kind?: LockKind) => {
    const id = openId.current;
    if (!id) return;
    const { setProfileSecret } = await import('../../local/profile-lock');
    const unlocked = await setProfileSecret(id, secret, token.current, kind ?? null);
    key.current = unlocked.key;
    token.current = unlocked.token;
    await refreshProfile();
  }, [refreshProfile]);

  useEffect(() => {
    // A reload lands back in the last profile only on a one-person device, and only if it has no lock:
    // once several people share the device, everyone opens through the picker.
    const reopen = async () => {
      const last = rememberedProfileId();
      if (last && (await localDb().profiles.count()) === 1) await open(last);
    };
    reopen().catch((e: unknown) => console.error(e)).finally(props.onReady);
  }, []);

  const session = useMemo<Session>(
    () => ({ profile, store, classId: profile?.classIds[0] ?? null, open, close, refreshProfile, saveToken, setSecret }),
    [profile, store, open, close, refreshProfile, saveToken, setSecret],
  );
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}
