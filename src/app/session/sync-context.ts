import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
// A type-only import: the sync code itself loads lazily and never weighs on the first visit.
import type { SyncStatus } from '../../sync/status';

export type SyncView = SyncStatus;

export const NOT_CONNECTED: SyncView = {
  state: 'not-connected',
  pendingChanges: 0,
  pendingDocs: 0,
  unstoredDocs: 0,
  lastSyncedAt: null,
  lastStoredAt: null,
  refusal: null,
  refusedDocs: 0,
  readOnlyDocs: 0,
  relayCannotStore: false,
};

export const SyncContext = createContext<SyncView>(NOT_CONNECTED);

export function useSyncView(): SyncView {
  return useContext(SyncContext);
}
