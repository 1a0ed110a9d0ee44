import { Workbox } from 'workbox-window';
import { setServiceWorkerState, setUpdater } from './sw-state';

let registered = false;

/**
 * Registers the service worker. main.tsx calls this only once the first screen is interactive:
 * the precache then has the link to itself instead of competing with what the person waits for.
 * workbox-window is imported here (not through vite-plugin-pwa's virtual module, which imports it
 * lazily) so registering costs one round trip, not two.
 */
export function registerServiceWorker(): void {
  if (registered || !('serviceWorker' in navigator)) return;
  registered = true;
  const wb = new Workbox('/sw.js', { scope: '/', type: 'classic' });
  let updateOffered = false;
  const offerUpdate = () => {
    updateOffered = true;
    setServiceWorkerState({ needRefresh: true });
  };
  // 'installed' fires when the install step, which stores every file, has finished.
  wb.addEventListener('installed', (event) => {
    if (event.isUpdate) return;
    if (event.isExternal) offerUpdate();
    else if (!updateOffered) setServiceWorkerState({ offlineReady: true });
  });
  wb.addEventListener('waiting', offerUpdate);
  setUpdater(async () => {
    // Reload once the new version controls the page (only ever after the person chose "Update now").
    wb.addEventListener('controlling', (event) => {
      if (event.isUpdate) window.location.reload();
    });
    wb.messageSkipWaiting();
  });
  wb.register({ immediate: true }).catch((error: unknown) => console.warn('Pathbook: the offline copy could not be set up', error));
}
