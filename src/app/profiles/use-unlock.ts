import { useEffect, useState } from 'preact/hooks';
import { getProfile } from '../../local/profiles';
import { unlockProfile, type Unlocked } from '../../local/profile-lock';

export interface UnlockState {
  /** Whole seconds until the next try is allowed (0: try now). */
  waitSeconds: number;
  wrong: boolean;
  busy: boolean;
  /** Checks a secret; calls `onOpen` with the key and unsealed token when it is right. */
  attempt(secret: string): Promise<void>;
}

/**
 * A profile's lock as a screen uses it. The wait after wrong tries comes from the disk (it survives
 * a reload and other tabs), and counts down once a second while it runs.
 */
export function useUnlock(profileId: string, onOpen: (unlocked: Unlocked) => void): UnlockState {
  const [retryAt, setRetryAt] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void getProfile(profileId).then((row) => {
      setRetryAt(row?.retryAt ?? 0);
      setNow(Date.now());
    });
  }, [profileId]);
  useEffect(() => {
    if (retryAt <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(1000, retryAt - now));
    return () => clearTimeout(timer);
  }, [retryAt, now]);

  const waitSeconds = Math.max(0, Math.ceil((retryAt - now) / 1000));

  async function attempt(secret: string) {
    if (busy || waitSeconds > 0) return;
    setBusy(true);
    const result = await unlockProfile(profileId, secret).finally(() => setBusy(false));
    if (result.kind === 'open') return onOpen(result.unlocked);
    // The lock was taken off meanwhile (in another tab): the profile opens as any unlocked one.
    if (result.kind === 'no-lock') return onOpen({ key: null, token: null });
    if (result.kind === 'wrong') setWrong(true);
    if (result.kind === 'wrong' || result.kind === 'wait') {
      setRetryAt(result.retryAt);
      setNow(Date.now());
    }
  }

  return { waitSeconds, wrong, busy, attempt: (secret) => { setWrong(false); return attempt(secret); } };
}
