import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { READY_PREFIX } from './ready-line';

export const REPO = resolve(import.meta.dirname, '../../..');

export { READY_PREFIX };

export interface BenchChild<T> {
  info: T;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<number | null>;
}

const live = new Set<ChildProcess>();
function killAll(): void {
  for (const child of live) child.kill('SIGKILL');
}
// Whatever happens to the benchmark, its servers must not outlive it.
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/**
 * Runs `node --import tsx <script>` from the repository and waits for its ready line. With
 * BENCH_PROFILE_DIR set, each child writes a V8 CPU profile there when it exits.
 */
export async function spawnBenchChild<T>(script: string, env: Record<string, string>, timeoutMs = 30_000): Promise<BenchChild<T>> {
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  const exited = new Promise<number | null>((r) =>
    child.once('exit', (code) => {
      live.delete(child);
      r(code);
    }),
  );
  const append = (d: Buffer) => {
    output += d.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);

  const stop = async (graceMs = 20_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  try {
    const info = await new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} was not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
      const onData = () => {
        const line = output.split('\n').find((l) => l.startsWith(READY_PREFIX));
        if (!line) return;
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolvePromise(JSON.parse(line.slice(READY_PREFIX.length)) as T);
      };
      child.stdout.on('data', onData);
      void exited.then((code) => reject(new Error(`${script} exited (${code}) before it was ready:\n${output}`)));
    });
    return { info, process: child, output: () => output, exited, stop };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}
