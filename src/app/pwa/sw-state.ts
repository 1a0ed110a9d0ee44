import { useEffect, useState } from 'preact/hooks';

/** What the service worker has told the page: shared by the welcome screen and the app. */
export interface ServiceWorkerState {
  /** Every file the app needs is stored on this device (the precache has finished). */
  offlineReady: boolean;
  /** A new version is installed and waiting for the person to choose to update. */
  needRefresh: boolean;
}

let state: ServiceWorkerState = { offlineReady: false, needRefresh: false };
let applyUpdate: (() => Promise<void>) | null = null;
const listeners = new Set<() => void>();

export function setServiceWorkerState(next: Partial<ServiceWorkerState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function setUpdater(update: () => Promise<void>): void {
  applyUpdate = update;
}

/** Activates the waiting version and reloads (only ever when the person chose to). */
export function updateNow(): void {
  void applyUpdate?.();
}

/** Runs `task` once every file is stored (at once if it already is). */
export function whenOfflineReady(task: () => void): void {
  if (state.offlineReady) return task();
  const listener = () => {
    if (!state.offlineReady) return;
    listeners.delete(listener);
    task();
  };
  listeners.add(listener);
}

export function useServiceWorkerState(): ServiceWorkerState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    const listener = () => setCurrent(state);
    listeners.add(listener);
    listener();
    return () => void listeners.delete(listener);
  }, []);
  return current;
}
