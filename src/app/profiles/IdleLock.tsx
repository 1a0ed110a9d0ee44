import { useEffect } from 'preact/hooks';
import { localDb } from '../../local/db';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useSession } from '../session/context';
import { navigate } from '../router';

/** On a shared device (several people, or a picture or PIN chosen), a profile closes after this long without a touch or key. */
export const IDLE_LOCK_MS = 3 * 60_000;
const ACTIVITY = ['pointerdown', 'keydown', 'scroll', 'touchstart'] as const;

/**
 * Locks the current profile after a few idle minutes: the session closes (documents are written
 * first, nothing is lost) and the picker shows, so the next child cannot see this one's work.
 */
export function IdleLock({ idleMs = IDLE_LOCK_MS }: { idleMs?: number }) {
  const { profile, close } = useSession();
  const people = useLiveQuery(() => localDb().profiles.count(), [], 1);
  const shared = Boolean(profile && (people > 1 || profile.pinHash || profile.picture !== null));
  useEffect(() => {
    if (!shared) return;
    let timer = setTimeout(lock, idleMs);
    function lock() {
      close();
      navigate({ name: 'home' }, true);
    }
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, idleMs);
    };
    for (const event of ACTIVITY) window.addEventListener(event, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, reset);
    };
  }, [shared, profile?.id, idleMs]);
  return null;
}
