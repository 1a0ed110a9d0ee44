import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DeviceProfile, LockKind } from '../../local/types';
import type { DocStore } from '../../local/doc-store';
// Type-only: the lock's crypto loads with the picker and lock screens, never with the first visit.
import type { Unlocked } from '../../local/profile-lock';

export interface Session {
  /**
   * The person using the app right now, or null on the start screen. For a profile with a lock,
   * `token` here is the unsealed token held in memory (on disk it is sealed).
   */
  profile: DeviceProfile | null;
  store: DocStore | null;
  /** The class the current teacher or student is working in. */
  classId: string | null;
  /**
   * Opens a profile. One with a lock opens only with what its lock gave (`unlocked`); a teacher on a
   * device with several people needs a lock first. Resolves false when it was refused.
   */
  open(profileId: string, unlocked?: Unlocked): Promise<boolean>;
  close(): void;
  refreshProfile(): Promise<void>;
  /** Keeps a new relay token (sign-in, renewal): sealed on disk when the profile has a lock. */
  saveToken(token: string): Promise<void>;
  /** Sets, changes or (null) removes the open profile's secret, re-sealing its token. */
  setSecret(secret: string | null, kind?: LockKind): Promise<void>;
}

export const SessionContext = createContext<Session>({
  profile: null,
  store: null,
  classId: null,
  open: async () => false,
  close: () => {},
  refreshProfile: async () => {},
  saveToken: async () => {},
  setSecret: async () => {},
});

export function useSession(): Session {
  return useContext(SessionContext);
}
