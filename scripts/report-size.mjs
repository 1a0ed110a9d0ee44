// Prints the gzip size of the JavaScript a first visit must download before the app can start
// (the entry script and everything it preloads), and fails the build above the budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_BYTES = 90 * 1024;
const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = new Set();
for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(m[1]);
let total = 0;
const rows = [];
for (const file of files) {
  const bytes = readFileSync(join(dist, file.replace(/^\.?\//, '')));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  rows.push([file, bytes.length, gz]);
}
console.log('\nInitial JavaScript (what a first visit needs before the app starts):');
for (const [file, raw, gz] of rows) console.log(`  ${file.padEnd(48)} ${(raw / 1024).toFixed(1).padStart(7)} KB  ${(gz / 1024).toFixed(1).padStart(6)} KB gzip`);
console.log(`  ${'total'.padEnd(48)} ${''.padStart(10)} ${(total / 1024).toFixed(1).padStart(6)} KB gzip (budget ${BUDGET_BYTES / 1024} KB)\n`);
if (total > BUDGET_BYTES) {
  console.error(`Initial JavaScript is ${(total / 1024).toFixed(1)} KB gzip, over the ${BUDGET_BYTES / 1024} KB budget.`);
  process.exit(1);
}
