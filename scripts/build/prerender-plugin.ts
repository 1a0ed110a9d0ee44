import { execFileSync } from 'node:child_process';
import type { Plugin } from 'vite';

/**
 * Runs scripts/prerender.tsx on the written dist/ (through tsx, which compiles the app's TSX the
 * way tsconfig says), before vite-plugin-pwa lists and fingerprints the files to precache, so the
 * service worker stores the prerendered pages themselves.
 */
export function prerenderWelcome(): Plugin {
  let outDir = 'dist';
  return {
    name: 'pathbook-prerender-welcome',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        execFileSync(process.execPath, ['--import', 'tsx', 'scripts/prerender.tsx', outDir], { stdio: 'inherit' });
      },
    },
  };
}
