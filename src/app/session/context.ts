import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DeviceProfile } from '../../local/types';
import type { DocStore } from '../../local/doc-store';

export interface Session {
  /** The person using the app right now, or null on the start screen. */
  profile: DeviceProfile | null;
  store: DocStore | null;
  /** The class the current teacher or student is working in. */
  classId: string | null;
  open(profileId: string): Promise<void>;
  close(): void;
  refreshProfile(): Promise<void>;
}

export const SessionContext = createContext<Session>({
  profile: null,
  store: null,
  classId: null,
  open: async () => {},
  close: () => {},
  refreshProfile: async () => {},
});

export function useSession(): Session {
  return useContext(SessionContext);
}
