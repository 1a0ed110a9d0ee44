import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      // 'prompt', not autoUpdate: an update must never reload a page while someone is typing.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/apple-touch-icon.png', 'icons/favicon.svg'],
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
      workbox: {
        // Everything the app needs offline is precached; navigations fall back to the shell.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/sync/, /^\/family\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    // One copy of yjs in the bundle: two copies break sync silently.
    dedupe: ['yjs', 'lib0', 'y-protocols', 'preact'],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
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
