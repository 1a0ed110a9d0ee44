/// <reference lib="webworker" />
/**
 * The service worker (built by vite-plugin-pwa's injectManifest, which fills in the manifest).
 *
 * Workbox's own precache install fetches one file at a time (workbox issue 2528): on a 400 ms
 * round-trip link that is 0.4 s per file before a byte of it arrives. This worker uses Workbox's
 * PrecacheController (same cache names, cache keys, integrity and cacheability checks, same
 * routes and clean-up) but runs its install a few files at a time, in the manifest's order,
 * which vite.config.ts sorts by what a person is most likely to open next.
 */
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null; integrity?: string })[] };

/** Enough to keep a slow link busy through its round trips (Chromium opens at most 6 connections per server). */
const PARALLEL_DOWNLOADS = 6;

const precache = new PrecacheController();
precache.addToCacheList(self.__WB_MANIFEST);

async function installEverything(event: ExtendableEvent): Promise<void> {
  const queue = [...precache.getURLsToCacheKeys()];
  const next = async (): Promise<void> => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const [url, cacheKey] = entry;
      const request = new Request(url, {
        integrity: precache.getIntegrityForCacheKey(cacheKey),
        // A revisioned URL (html, manifest) must come from the server; a fingerprinted one may come from the HTTP cache.
        cache: cacheKey === url ? 'default' : 'reload',
        credentials: 'same-origin',
      });
      await Promise.all(precache.strategy.handleAll({ params: { cacheKey }, request, event }));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, next));
}

self.addEventListener('install', (event) => event.waitUntil(installEverything(event)));
// Claiming takes over the first visit's page, so its next screens come from the stored copy. Only
// a first install is claimed this way: an update waits until the person chooses "Update now".
self.addEventListener('activate', (event) => event.waitUntil(Promise.all([precache.activate(event), self.clients.claim()])));
cleanupOutdatedCaches();

// The start address opens the empty shell: main.tsx then shows the welcome screen or the person's own profile.
registerRoute(new PrecacheRoute(precache, { directoryIndex: 'shell.html' }));
registerRoute(new NavigationRoute(precache.createHandlerBoundToURL('shell.html'), { denylist: [/^\/api\//, /^\/sync/, /^\/family\//] }));

// The page's "Update now" (workbox-window's messageSkipWaiting): only ever when the person chose to.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
