/**
 * Where the session hears that the device went on or offline. In a browser: `window`'s `online`
 * and `offline` events and `navigator.onLine`; tests inject an EventTarget of their own.
 */
export interface NetworkEvents {
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  isOnline(): boolean;
}

/** The browser's network events, or null where there is no window (Node). */
export function browserNetwork(): NetworkEvents | null {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return null;
  return { target: window, isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false };
}

/** Calls `onChange(online)` on every online/offline event; returns the unsubscribe. */
export function watchNetwork(network: NetworkEvents, onChange: (online: boolean) => void): () => void {
  const online = () => onChange(true);
  const offline = () => onChange(false);
  network.target.addEventListener('online', online);
  network.target.addEventListener('offline', offline);
  return () => {
    network.target.removeEventListener('online', online);
    network.target.removeEventListener('offline', offline);
  };
}
