// Prints what a first visit really downloads before the app starts: the entry script and
// everything the HTML preloads, at the brotli size the relay sends (the .br files written by
// scripts/compress-dist.mjs), and fails the build above the budget.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

// 60 KB brotli: at 400 kbps that is 1.2 s of a first visit; the rest of the app loads after the first screen.
const BUDGET_BYTES = 60 * 1024;
const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');

/** The brotli size the relay sends: the build's own .br copy when there is one. */
function brotliSize(path) {
  return existsSync(`${path}.br`) ? readFileSync(`${path}.br`).length : brotliCompressSync(readFileSync(path)).length;
}

const scripts = new Set();
for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) scripts.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) scripts.add(m[1]);
const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);

const kb = (n) => (n / 1024).toFixed(1).padStart(6);
function row(label, path) {
  const bytes = readFileSync(path);
  const br = brotliSize(path);
  console.log(`  ${label.padEnd(48)} ${kb(bytes.length)} KB  ${kb(gzipSync(bytes, { level: 9 }).length)} KB gzip  ${kb(br)} KB brotli`);
  return br;
}

console.log('\nFirst visit, before the app starts (what the relay sends to a browser that accepts brotli):');
row('/index.html', join(dist, 'index.html'));
for (const file of styles) row(file, join(dist, file.replace(/^\.?\//, '')));
let total = 0;
for (const file of scripts) total += row(file, join(dist, file.replace(/^\.?\//, '')));
console.log(`  ${'initial JavaScript'.padEnd(48)} ${''.padStart(32)} ${kb(total)} KB brotli (budget ${BUDGET_BYTES / 1024} KB)\n`);
if (total > BUDGET_BYTES) {
  console.error(`Initial JavaScript is ${(total / 1024).toFixed(1)} KB brotli, over the ${BUDGET_BYTES / 1024} KB budget.`);
  process.exit(1);
}
