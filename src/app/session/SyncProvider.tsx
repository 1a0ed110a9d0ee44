import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useSession } from './context';
import { NOT_CONNECTED, SyncContext, type SyncView } from './sync-context';

/**
 * Only the open profile syncs: a locked profile's token is sealed on disk and cannot be used until
 * its person opens it, so its documents (and any unsynced edits, kept on the device) sync then.
 *
 * Starts syncing the current profile's documents with its relay once the first screen is up.
 * The sync code is loaded lazily: the first visit, and every visit without a relay, never pays for it.
 */
export function SyncProvider({ children }: { children: ComponentChildren }) {
  const { profile, store, refreshProfile, saveToken } = useSession();
  const [view, setView] = useState<SyncView>(NOT_CONNECTED);
  const relayUrl = profile?.relayUrl ?? null;
  const hasToken = Boolean(profile?.token);

  useEffect(() => {
    setView(NOT_CONNECTED);
    if (!profile || !store || !relayUrl || !hasToken) return;
    let token = profile.token;
    let stopped = false;
    let stop: (() => Promise<void>) | null = null;
    void import('../../sync').then(({ SyncSession }) => {
      if (stopped) return;
      const session = new SyncSession({
        store,
        profileId: profile.id,
        relayUrl,
        token: () => token,
        onTokenRenewed: (next: string) => {
          token = next;
          // Sealed on disk when the profile has a lock (the key is in the session's memory).
          void saveToken(next);
        },
      });
      const unsubscribe = session.onStatus((status) => setView({ ...status }));
      session.start();
      stop = async () => {
        unsubscribe();
        await session.stop();
      };
    });
    return () => {
      stopped = true;
      void stop?.();
    };
  }, [profile?.id, store, relayUrl, hasToken]);

  // Keep the profile (and with it the token) fresh after a renewal elsewhere.
  useEffect(() => {
    if (view.refusal?.code === 'token-expired') void refreshProfile();
  }, [view.refusal?.code]);

  return <SyncContext.Provider value={view}>{children}</SyncContext.Provider>;
}
