// Writes a brotli (.br) and a gzip (.gz) copy beside every text file in dist/, so the relay sends
// what a phone on a slow link should download without compressing on each request.
//
// A post-build script rather than a Vite plugin: it must run after vite-plugin-pwa has written
// sw.js and workbox-*.js, and after the welcome screen is prerendered into the HTML
// (scripts/prerender.tsx), which a plugin's place in Vite's hook order does not guarantee;
// node:zlib does brotli and gzip itself, so this needs no dependency.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Must match COMPRESSIBLE in src/relay/static-files.ts. */
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.webmanifest', '.json', '.txt', '.map']);
const dist = process.argv[2] ?? 'dist';

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let raw = 0;
let br = 0;
let count = 0;
for (const path of [...files(dist)]) {
  if (!TEXT.has(extname(path).toLowerCase())) continue;
  const bytes = readFileSync(path);
  const brotli = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  raw += bytes.length;
  br += brotli.length;
  count++;
}
console.log(`compressed ${count} text files in ${dist}/: ${(raw / 1024).toFixed(0)} KB -> ${(br / 1024).toFixed(0)} KB brotli`);
