/**
 * `npm run bench [-- name ...]`: runs every test/bench/*.bench.ts (or those whose file name
 * contains one of the names) one after another, each in its own process, each printing its own
 * table. Exits non-zero if any fails or runs out of time.
 *
 * A benchmark is a plain script (not vitest): it exits 0 when its figures are good, non-zero
 * otherwise, and must stop what it starts. A first-lines comment `// bench-node-flags: <flags>`
 * passes extra Node flags; BENCH_TIMEOUT_MS (default 300000) bounds each file.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatTable } from './support/table';

const BENCH_DIR = import.meta.dirname;
const REPO = resolve(BENCH_DIR, '../..');
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 300_000);

function nodeFlags(file: string): string[] {
  const match = /^\/\/ bench-node-flags: (.+)$/m.exec(readFileSync(file, 'utf8').slice(0, 2_000));
  return match ? match[1]!.trim().split(/\s+/) : [];
}

interface Outcome {
  file: string;
  status: 'passed' | 'failed' | 'timed out';
  seconds: number;
}

/** One benchmark in its own process group, so a timeout also takes down the servers it started. */
function runFile(file: string): Promise<Outcome> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', ...nodeFlags(file), '--import', 'tsx', file], {
    cwd: REPO,
    stdio: 'inherit',
    detached: true,
  });
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('exit', killGroup);
  return new Promise((resolvePromise) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n[bench] ${file} ran over ${TIMEOUT_MS / 1000} s: stopping it`);
      killGroup();
    }, TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Anything the benchmark left running goes with it.
      killGroup();
      process.off('exit', killGroup);
      const seconds = (performance.now() - started) / 1000;
      resolvePromise({ file, status: timedOut ? 'timed out' : code === 0 ? 'passed' : 'failed', seconds });
    });
  });
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const files = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
    .sort();
  if (files.length === 0) {
    console.error(`[bench] no benchmark matches ${filters.join(', ') || '*.bench.ts'} in ${BENCH_DIR}`);
    return 1;
  }
  const outcomes: Outcome[] = [];
  for (const file of files) {
    console.log(`\n[bench] ${file}`);
    outcomes.push(await runFile(join(BENCH_DIR, file)));
  }
  console.log(`\n${formatTable(['benchmark', 'result', 'seconds'], outcomes.map((o) => [o.file.slice(BENCH_DIR.length + 1), o.status, o.seconds.toFixed(0)]))}`);
  return outcomes.every((o) => o.status === 'passed') ? 0 : 1;
}

// Ctrl-C stops the current benchmark's whole group through the 'exit' handler.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

main().then((code) => process.exit(code));
