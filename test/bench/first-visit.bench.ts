/**
 * A new visitor's first visit on a rural link, cold: Chromium with a fresh profile, the page and its
 * service worker both at 400 kbps / 400 ms round trip with the HTTP cache disabled, the CPU slowed
 * 4x. Side by side in one run, alternating: the app as the relay sends it (brotli) and the same
 * build served uncompressed (the baseline: dist/ without its .br and .gz copies).
 *
 * Moments, in ms from navigation start, each with the bytes on the wire before it:
 * first contentful paint; first real screen ("Welcome to Pathbook" and both choices on screen);
 * interactive (a tap on "I'm a teacher" takes effect); offline-ready (the app says "Ready to work
 * offline" and the service worker is activated, i.e. every file is stored).
 *
 * `npm run bench -- first-visit`. Environment: BENCH_ROUNDS (3 of each); BENCH_DEBUG=1 prints each
 * visit's marks and every request's timeline (sent, headers, finished, bytes).
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelay } from '../../src/relay/relay';
import { LINK, measureVisit, type Visit, type VisitTimes } from './first-visit/visit';
import { median, medianRange } from './support/stats';
import { printTable } from './support/table';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGETS: Partial<Record<keyof VisitTimes, number>> = { firstScreen: 2_000, interactive: 3_000, offlineReady: 8_000 };
const FIRST_SCREEN_BYTES = 60 * 1024;
const MOMENTS: [keyof VisitTimes, string][] = [
  ['fcp', 'first contentful paint'],
  ['firstScreen', 'first real screen'],
  ['interactive', 'interactive'],
  ['offlineReady', 'offline-ready'],
];

async function main(): Promise<void> {
  if (!existsSync('dist/index.html.br')) throw new Error('dist/ is missing or not compressed: run `npm run build` first (npm run bench does).');
  const work = await mkdtemp(join(tmpdir(), 'pathbook-bench-first-visit-'));
  const plainDist = join(work, 'dist-uncompressed');
  await cp('dist', plainDist, { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) });
  const compressed = await startRelay({ dataDir: join(work, 'data-br'), distDir: 'dist', host: '127.0.0.1', port: 0, quiet: true });
  const plain = await startRelay({ dataDir: join(work, 'data-plain'), distDir: plainDist, host: '127.0.0.1', port: 0, quiet: true });
  const runs: Record<'brotli' | 'plain', Visit[]> = { brotli: [], plain: [] };
  let failed = false;
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, relay] of [['brotli', compressed], ['plain', plain]] as const) {
        const visit = await measureVisit(relay.url + '/');
        runs[name].push(visit);
        const t = visit.times;
        console.log(`[first-visit bench] ${name} ${round}: fcp ${t.fcp?.toFixed(0)} ms, screen ${t.firstScreen?.toFixed(0)} ms, interactive ${t.interactive?.toFixed(0)} ms, offline-ready ${t.offlineReady?.toFixed(0)} ms, ${(visit.totalBytes / 1024).toFixed(0)} KB in ${visit.requests} requests`);
        for (const [moment, label] of MOMENTS) {
          if (t[moment] === null) {
            console.error(`[first-visit bench] ${name} ${round}: never reached "${label}"`);
            failed = true;
          }
        }
      }
    }
  } finally {
    await compressed.close();
    await plain.close();
    await rm(work, { recursive: true, force: true });
  }

  const cell = (visits: Visit[], moment: keyof VisitTimes) => {
    const times = visits.map((v) => v.times[moment]).filter((t): t is number => t !== null);
    const bytes = visits.map((v) => v.bytes[moment]).filter((b): b is number => b !== null);
    return times.length ? `${medianRange(times)} · ${(median(bytes) / 1024).toFixed(0)} KB` : 'never';
  };
  const row = (label: string, visits: Visit[]) => [label, ...MOMENTS.map(([m]) => cell(visits, m)), `${(median(visits.map((v) => v.totalBytes)) / 1024).toFixed(0)} KB / ${median(visits.map((v) => v.requests))}`];
  const verdict = (moment: keyof VisitTimes) => {
    const limit = TARGETS[moment]!;
    const value = median(runs.brotli.map((v) => v.times[moment] ?? Number.POSITIVE_INFINITY));
    return `${moment} median ${value.toFixed(0)} ms (target <= ${limit}): ${value <= limit ? 'met' : 'NOT met'}`;
  };
  const screenBytes = median(runs.brotli.map((v) => v.bytes.firstScreen ?? Number.POSITIVE_INFINITY));
  const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ').slice(0, 3).join(' ');
  printTable(
    `Cold first visit, ${LINK.kbps} kbps / ${LINK.rttMs} ms RTT / CPU x${LINK.cpuSlowdown} / cache disabled, Chromium (load average ${load})`,
    ['served', ...MOMENTS.map(([, label]) => `${label}: ms median (min–max) · KB before`), 'all bytes / requests'],
    [row('as the relay sends it (brotli)', runs.brotli), row('baseline: same build uncompressed', runs.plain)],
    [
      ...(['firstScreen', 'interactive', 'offlineReady'] as const).map(verdict),
      `bytes before the first screen: ${(screenBytes / 1024).toFixed(1)} KB (target <= ${FIRST_SCREEN_BYTES / 1024}): ${screenBytes <= FIRST_SCREEN_BYTES ? 'met' : 'NOT met'}`,
      'bytes are what Chromium counts on the wire (headers and encoded bodies) for the page and its service worker',
      `${ROUNDS} visits each, alternating, each in a fresh Chromium profile`,
    ],
  );
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
