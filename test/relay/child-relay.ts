import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { onCleanup, syncUrl, type RelayAddress } from './helpers';

const REPO = resolve(import.meta.dirname, '../..');

export interface ChildRelay extends RelayAddress {
  port: number;
  process: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/**
 * The relay as its own process, started the way `tsx src/relay/main.ts` does but as one process
 * (`node --import tsx`), so SIGKILL hits the relay itself and not a wrapper.
 */
export async function spawnRelay(dataDir: string, port = 0, env: Record<string, string> = {}): Promise<ChildRelay> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/relay/main.ts'], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PATHBOOK_DATA_DIR: dataDir, PATHBOOK_DIST_DIR: join(dataDir, 'no-dist'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${output}`)), 20_000);
    const onData = () => {
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    void exited.then(() => reject(new Error(`relay exited before listening:\n${output}`)));
  });
  return { url, wsUrl: syncUrl(url), port: Number(new URL(url).port), process: child, output: () => output, exited };
}
