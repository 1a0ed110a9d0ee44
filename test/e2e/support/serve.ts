import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelay, type Relay } from '../../../src/relay/relay';

export interface ServedApp {
  url: string;
  relay: Relay;
  /** Stops the relay (the app's only server); its data stays until `dispose`. */
  close(): Promise<void>;
  /** Starts the relay again on the same port and data, as a school would after a restart. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The built app served the way a school runs it: by the relay, on 127.0.0.1, with a fresh data
 * directory. The tests never build the app themselves (`npm test` builds before running them).
 */
export async function serveBuiltApp(): Promise<ServedApp> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the browser tests (npm test does).');
  const dataDir = await mkdtemp(join(tmpdir(), 'pathbook-e2e-relay-'));
  let relay = await startRelay({ dataDir, host: '127.0.0.1', port: 0, quiet: true });
  const port = relay.port;
  let running = true;
  const served: ServedApp = {
    url: `http://127.0.0.1:${port}/`,
    relay,
    close: async () => {
      if (!running) return;
      running = false;
      await relay.close();
    },
    restart: async () => {
      if (running) return;
      relay = await startRelay({ dataDir, host: '127.0.0.1', port, quiet: true });
      served.relay = relay;
      running = true;
    },
    dispose: async () => {
      await served.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return served;
}
