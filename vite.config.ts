import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precacheOrder } from './scripts/build/precache-order';
import { prerenderWelcome } from './scripts/build/prerender-plugin';

const order = precacheOrder();

/**
 * The first screen's script (main.tsx and what it imports statically) must stay out of the shared
 * "app" chunk below, or the first visit would download the app before its first screen. The size
 * report (scripts/report-size.mjs) fails the build if that ever happens.
 */
const FIRST_SCREEN = /\/src\/app\/(main|welcome\/|i18n\/|router|pwa\/|shell\/(HeaderBar|SkipLink|UpdatePrompt)|components\/(Field|TextLimit)|session\/last-profile)|\/src\/local\/profiles-exist|\/node_modules\/preact\//;
/** Loaded only when needed (a shared device's locks and their crypto): kept in their own chunk. */
const ON_DEMAND = /\/src\/local\/profile-lock/;
/** Storage, the domain, the app's frame and the small helpers the screens share: one chunk, one request. */
const APP = /\/node_modules\/(dexie|yjs|lib0|y-indexeddb|y-protocols|valibot)\/|\/src\/(core|local|protocol)\/|\/src\/app\/(App|components\/|hooks\/|session\/|shell\/|connect\/relay-calls|plan\/goal-view|data\/|export\/papa)/;

export default defineConfig({
  plugins: [
    preact(),
    order.plugin,
    prerenderWelcome(),
    VitePWA({
      // 'prompt', not autoUpdate: an update must never reload a page while someone is typing.
      registerType: 'prompt',
      injectRegister: false,
      // Our own worker (src/app/pwa/sw.ts): Workbox's precache, installed a few files at a time.
      strategies: 'injectManifest',
      srcDir: 'src/app/pwa',
      filename: 'sw.ts',
      includeAssets: ['icons/apple-touch-icon.png', 'icons/favicon.svg'],
      // The large install icons are fetched by the browser when it installs the app (online);
      // the page never shows them, so the offline copy does without their 25 KB.
      includeManifestIcons: false,
      manifest: {
        name: 'Pathbook: my learning path',
        short_name: 'Pathbook',
        description: 'Personal learning plans, goals and check-ins that work without a connection.',
        lang: 'en',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'any',
        background_color: '#fbf8f3',
        theme_color: '#1f5f5b',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // Everything the app needs offline is precached. The prerendered pages are for first visits
        // only: the worker answers every navigation with shell.html.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        globIgnores: ['index.html', 'index.*.html', 'icons/*-512.png'],
        manifestTransforms: [(entries) => ({ manifest: order.sort(entries), warnings: [] })],
      },
    }),
  ],
  resolve: {
    // One copy of yjs in the bundle: two copies break sync silently.
    dedupe: ['yjs', 'lib0', 'y-protocols', 'preact'],
  },
  build: {
    target: 'es2022',
    // One stylesheet, inlined into the HTML by scripts/prerender.tsx: no render-blocking request,
    // and no stylesheet request before each lazily loaded screen.
    cssCodeSplit: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Every file is a round trip on a slow link (0.4 s each on the one the benchmark models):
        // a few chunks of useful size instead of dozens of tiny shared ones.
        codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'app', test: (id: string) => APP.test(id) && !FIRST_SCREEN.test(id) && !ON_DEMAND.test(id) }] },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    // In development the relay runs beside Vite (`npm start` in another terminal, or PORT=8080).
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/sync': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
  preview: { host: '127.0.0.1', port: 8080 },
});
