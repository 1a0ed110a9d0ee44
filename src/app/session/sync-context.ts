import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** What the header says about sync; mirrors src/sync's SyncStatus without importing it (that module loads lazily). */
export interface SyncView {
  state: 'not-connected' | 'offline' | 'connecting' | 'syncing' | 'synced' | 'unreachable' | 'refused';
  pendingChanges: number;
  pendingDocs: number;
  unstoredDocs: number;
  lastSyncedAt: number | null;
  lastStoredAt: number | null;
  refusal: { code: string; message: string } | null;
}

export const NOT_CONNECTED: SyncView = {
  state: 'not-connected',
  pendingChanges: 0,
  pendingDocs: 0,
  unstoredDocs: 0,
  lastSyncedAt: null,
  lastStoredAt: null,
  refusal: null,
};

export const SyncContext = createContext<SyncView>(NOT_CONNECTED);

export function useSyncView(): SyncView {
  return useContext(SyncContext);
}
