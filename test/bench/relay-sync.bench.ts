// bench-node-flags: --max-semi-space-size=32
/**
 * 200 devices come back from a week offline and sync at once: the Pathbook relay as deployed
 * against bare Hocuspocus, same machine, same run, same devices. Run with `npm run bench`.
 *
 * Environment: BENCH_CLASSES (5), BENCH_STUDENTS (39 per class, plus one teacher device each),
 * BENCH_ROUNDS (3).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { KB, MB, median, medianRange, quantile } from './support/stats';
import { printTable } from './support/table';
import { buildSchool, workloadFigures } from './relay-sync/school';
import { writeBaselineFiles } from './relay-sync/baseline-files';
import { preparePathbookData } from './relay-sync/pathbook-setup';
import { measureRun, type RunResult, type ServerKind } from './relay-sync/measure-run';

const CLASSES = Number(process.env.BENCH_CLASSES ?? 5);
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 39);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const OVERALL_TIMEOUT_MS = 230_000;

const LABELS: Record<ServerKind, string> = {
  pathbook: 'Pathbook relay (auth, access, guard, SQLite)',
  bare: 'bare Hocuspocus (no auth, no store)',
};

const log = (message: string) => console.log(`[relay-sync] ${message}`);

function row(kind: ServerKind, runs: RunResult[], devices: number, docs: string): string[] {
  const mb = (v: number) => v / MB;
  const stored = runs.map((r) => r.storedMs).filter((v): v is number => v !== null);
  return [
    LABELS[kind],
    String(devices),
    docs,
    medianRange(runs.map((r) => r.convergeMs)),
    `${median(runs.map((r) => quantile(r.deviceMs, 0.5))).toFixed(0)} / ${median(runs.map((r) => quantile(r.deviceMs, 0.9))).toFixed(0)}`,
    stored.length ? medianRange(stored) : '–',
    medianRange(runs.map((r) => mb(r.server.peakRssBytes))),
    medianRange(runs.map((r) => mb(r.server.peakHeapUsedBytes))),
    medianRange(runs.map((r) => r.atConverged.cpuMs / 1000), 1),
    medianRange(runs.map((r) => r.devicesCpuMs / 1000), 1),
    `${(median(runs.map((r) => r.bytes.down)) / KB).toFixed(0)} / ${(median(runs.map((r) => r.bytes.up)) / KB).toFixed(0)}`,
    String(Math.max(...runs.map((r) => r.reconnects))),
  ];
}

async function main(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'pathbook-bench-'));
  try {
    let t = performance.now();
    const school = buildSchool(CLASSES, STUDENTS);
    const figures = workloadFigures(school);
    log(`school built in ${((performance.now() - t) / 1000).toFixed(1)} s: ${school.devices.length} devices, ${figures.documents} documents, ${figures.replicas} replicas`);

    const dirs = { pathbookTemplate: join(scratch, 'pathbook-template'), baseline: join(scratch, 'baseline'), scratch };
    writeBaselineFiles(dirs.baseline, school.baseline);
    t = performance.now();
    const tokens = await preparePathbookData(school, dirs.pathbookTemplate);
    log(`Pathbook relay set up (sign-ups, classes, uploads, joins) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const runs: Record<ServerKind, RunResult[]> = { pathbook: [], bare: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      // Alternating who goes first keeps drift on a shared machine (and the first run's warm-up) from favouring one server.
      const order: ServerKind[] = round % 2 === 1 ? ['pathbook', 'bare'] : ['bare', 'pathbook'];
      for (const kind of order) {
        const result = await measureRun(kind, school, tokens, dirs, round);
        runs[kind].push(result);
        log(
          `${kind} round ${round}: converged ${result.convergeMs.toFixed(0)} ms (devices p50 ${quantile(result.deviceMs, 0.5).toFixed(0)}, p90 ${quantile(result.deviceMs, 0.9).toFixed(0)})${result.storedMs === null ? '' : `, stored ${result.storedMs.toFixed(0)} ms`}, ` +
            `peak RSS ${(result.server.peakRssBytes / MB).toFixed(0)} MB, relay CPU ${(result.atConverged.cpuMs / 1000).toFixed(1)} s (${(result.server.cpuMs / 1000).toFixed(1)} s to the end), devices CPU ${(result.devicesCpuMs / 1000).toFixed(1)} s, ` +
            `${(result.bytes.down / MB).toFixed(1)} MB down, ${result.reconnects} reconnects, load ${result.loadAverage.toFixed(1)}`,
        );
      }
    }

    const all = [...runs.pathbook, ...runs.bare];
    const loads = all.map((r) => r.loadAverage);
    const devices = school.devices.length;
    const docs = `${figures.documents} (${figures.replicas} open)`;
    const avg = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    printTable(
      `Relay sync: ${devices} devices back from a week offline, all at once (${ROUNDS} runs, median (min–max))`,
      ['configuration', 'devices', 'docs', 'converge ms', 'device p50 / p90 ms', 'stored ms', 'peak RSS MB', 'peak heap MB', 'relay CPU s', 'devices CPU s', 'KB down / up', 'reconnects'],
      [row('pathbook', runs.pathbook, devices, docs), row('bare', runs.bare, devices, docs)],
      [
        `School: ${CLASSES} classes x (1 teacher + ${STUDENTS} students), one device each. A teacher's device holds its class's ${2 + 2 * STUDENTS} documents (class, staff, every plan and coach); a student's holds class, own plan, own coach.`,
        `Baseline the relay holds: ${(figures.baselineBytes / MB).toFixed(1)} MB of Yjs (seeded mid-year classes). Offline week per device: student ${(avg(figures.studentEdits) / KB).toFixed(1)} KB (${(Math.min(...figures.studentEdits) / KB).toFixed(1)}–${(Math.max(...figures.studentEdits) / KB).toFixed(1)}), teacher ${(avg(figures.teacherEdits) / KB).toFixed(1)} KB, 5 sessions (client ids) each.`,
        `Least a relay could move: ${(figures.idealDownBytes / KB).toFixed(0)} KB down / ${(figures.idealUpBytes / KB).toFixed(0)} KB up (each edit once to each other replica / once up). Bare Hocuspocus sends most documents whole: it buffers the update that loaded a document (onLoadDocument) and broadcasts it to every connection attached when that buffer flushes. The Pathbook relay flushes that buffer in afterLoadDocument, before anyone is attached (src/relay/persistence.ts), so its devices download only what they lack.`,
        `converge ms: from opening all ${devices} sockets until every replica holds the state vector of baseline + every device's edits to that document and every provider is synced with nothing unacknowledged. Then checked: the relay's open documents and every replica equal the expected state vector and content (sha1 of canonical JSON); for Pathbook also the documents read back from SQLite.`,
        'device p50 / p90 ms: when half / 90% of the devices had all their documents converged (medians over runs).',
        'stored ms (Pathbook): until every replica received a "stored" message (sent after the SQLite write) covering all it holds; includes the production save debounce (2 s, max 10 s).',
        `Machine: ${cpus().length} cores; 1-minute load average at run starts ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (anything above ~0.5 is other work competing for the cores: compare CPU seconds more than milliseconds then).`,
        `Each server runs alone in a child process (node --import tsx); peak RSS/heap sampled every 20 ms in it from connect to converged (bare) or stored (Pathbook) (RSS before connecting: Pathbook ${medianRange(runs.pathbook.map((r) => r.idleRssBytes / MB))} MB, bare ${medianRange(runs.bare.map((r) => r.idleRssBytes / MB))} MB); relay CPU is its user+system time from connect to converged (Pathbook until stored: ${medianRange(runs.pathbook.map((r) => r.server.cpuMs / 1000), 1)} s); devices CPU is the benchmark process over the same span. Bytes are WebSocket payloads seen by the devices. All devices run in the benchmark process, sharing the cores with the server.`,
      ],
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const timer = setTimeout(() => {
  console.error(`[relay-sync] gave up after ${OVERALL_TIMEOUT_MS / 1000} s`);
  process.exit(1);
}, OVERALL_TIMEOUT_MS);
timer.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[relay-sync] failed:', error);
    process.exit(1);
  },
);
