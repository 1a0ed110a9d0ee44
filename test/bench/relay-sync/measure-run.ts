import { cp, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { spawnBenchChild } from '../support/child';
import { controlGet, type ServerStats } from './control';
import { decodeSv, sameStateVector, type DocDigest } from './digest';
import { Fleet } from './fleet';
import { SERVER_SCRIPT, type ServerInfo } from './pathbook-setup';
import type { ByteCounter } from './counting-websocket';
import type { School } from './school';

export type ServerKind = 'pathbook' | 'bare';

export interface RunResult {
  kind: ServerKind;
  convergeMs: number;
  /** When each device was up to date (all its replicas converged), ascending. */
  deviceMs: number[];
  /** Until every replica got a "stored" message covering it (the Pathbook relay only). */
  storedMs: number | null;
  /** Payload bytes up to convergence. */
  bytes: ByteCounter;
  /** Server process figures at convergence. */
  atConverged: ServerStats;
  /** The same at the end of the measurement (stored for Pathbook, converged for bare): peaks cover the whole run. */
  server: ServerStats;
  idleRssBytes: number;
  reconnects: number;
  /** CPU time of the benchmark process (all 200 devices) from connect to converged. */
  devicesCpuMs: number;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  loadAverage: number;
}

export interface RunDirs {
  /** The Pathbook data directory the setup made (copied for each run). */
  pathbookTemplate: string;
  /** Starting states for the bare server. */
  baseline: string;
  scratch: string;
}

const CONVERGE_TIMEOUT_MS = 60_000;
const STORED_TIMEOUT_MS = 45_000;

/** Problems comparing a server's documents with what every document must hold. */
function compareDigests(where: string, digests: Record<string, DocDigest>, school: School): string[] {
  const problems: string[] = [];
  for (const [name, expected] of school.expected) {
    const digest = digests[name];
    if (!digest) problems.push(`${where}: ${name} missing`);
    else if (!sameStateVector(decodeSv(digest.sv), expected.sv)) problems.push(`${where}: ${name} state vector differs`);
    else if (digest.content !== expected.content) problems.push(`${where}: ${name} content differs`);
  }
  return problems;
}

/** One measured run: a fresh server process, all devices connect at once, converge (and store), verify. */
export async function measureRun(kind: ServerKind, school: School, tokens: Map<string, string>, dirs: RunDirs, round: number): Promise<RunResult> {
  const dataDir = join(dirs.scratch, `${kind}-${round}`);
  if (kind === 'pathbook') await cp(dirs.pathbookTemplate, dataDir, { recursive: true });
  const env: Record<string, string> = kind === 'pathbook' ? { BENCH_SERVER: kind, BENCH_DATA_DIR: dataDir } : { BENCH_SERVER: kind, BENCH_BASELINE_DIR: dirs.baseline };
  const server = await spawnBenchChild<ServerInfo>(SERVER_SCRIPT, env);
  let fleet: Fleet | null = null;
  try {
    fleet = new Fleet(school, tokens);
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((r) => setTimeout(r, 200));
    const idle = await controlGet<ServerStats>(server.info.controlUrl, '/reset', 'POST');

    const loadAverage = loadavg()[0]!;
    const cpuBefore = process.cpuUsage();
    fleet.connect(server.info.syncUrl);
    const converged = await fleet.whenConverged(CONVERGE_TIMEOUT_MS);
    const cpu = process.cpuUsage(cpuBefore);
    const atConverged = await controlGet<ServerStats>(server.info.controlUrl, '/stats');
    const storedMs = kind === 'pathbook' ? await fleet.whenStored(STORED_TIMEOUT_MS) : null;
    const stats = await controlGet<ServerStats>(server.info.controlUrl, '/stats');

    const problems = [
      ...compareDigests(`${kind} memory`, await controlGet(server.info.controlUrl, '/digest?from=memory'), school),
      ...(kind === 'pathbook' ? compareDigests(`${kind} disk`, await controlGet(server.info.controlUrl, '/digest?from=disk'), school) : []),
      ...fleet.verifyReplicas(),
    ];
    if (problems.length) throw new Error(`${kind} run ${round}: ${problems.length} problems, e.g.\n${problems.slice(0, 5).join('\n')}`);

    return {
      kind,
      convergeMs: converged.ms,
      deviceMs: converged.deviceMs,
      storedMs,
      bytes: converged.bytes,
      atConverged,
      server: stats,
      idleRssBytes: idle.rssBytes,
      reconnects: fleet.counter.sockets - fleet.deviceCount,
      devicesCpuMs: (cpu.user + cpu.system) / 1000,
      loadAverage,
    };
  } finally {
    fleet?.close();
    await server.stop(10_000);
    await rm(dataDir, { recursive: true, force: true });
  }
}
