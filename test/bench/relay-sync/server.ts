/**
 * A sync server in its own process, for clean memory figures (`node --import tsx` this file):
 *
 * - BENCH_SERVER=pathbook: the Pathbook relay as deployed (startRelay with its default debounces,
 *   tokens, access checks, message guard, SQLite persistence) on BENCH_DATA_DIR.
 * - BENCH_SERVER=bare: Hocuspocus core with no extensions (no auth, nothing stored) on the same
 *   `ws` socket code, loading each document's starting state read-only from BENCH_BASELINE_DIR so
 *   both servers start from what the devices last synced.
 *
 * Prints `BENCH_READY {"syncUrl","apiUrl","controlUrl"}` once listening on 127.0.0.1.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as Y from 'yjs';
import { Hocuspocus } from '@hocuspocus/server';
import { startRelay } from '../../../src/relay/relay';
import { DocumentRows } from '../../../src/relay/persistence';
import { SYNC_PATH } from '../../../src/protocol/sync-socket';
import { attachSyncSocket } from '../../../src/relay/websocket';
import { SCHEMA_VERSION } from '../../../src/core';
import { READY_PREFIX } from '../support/ready-line';
import { startControl, type ControlSource } from './control';
import { baselineFile } from './baseline-files';

async function pathbook(dataDir: string) {
  const relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir, distDir: join(dataDir, 'no-dist'), quiet: true });
  const rows = new DocumentRows(relay.db);
  const source: ControlSource = {
    open: () => relay.hocuspocus.documents.entries(),
    openCount: () => relay.hocuspocus.documents.size,
    *stored() {
      const names = relay.db.prepare<[], { name: string }>('SELECT name FROM documents').all();
      for (const { name } of names) yield [name, rows.load(name)!];
    },
  };
  return { url: relay.url, source, close: () => relay.close() };
}

async function bare(baselineDir: string) {
  const hocuspocus = new Hocuspocus({
    quiet: true,
    async onLoadDocument({ documentName, document }) {
      const file = baselineFile(baselineDir, documentName);
      if (existsSync(file)) Y.applyUpdate(document, readFileSync(file));
    },
  });
  const server = createServer((_req, res) => res.writeHead(404).end());
  attachSyncSocket(server, hocuspocus, { maxPayload: 2 * 1024 * 1024 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const source: ControlSource = { open: () => hocuspocus.documents.entries(), openCount: () => hocuspocus.documents.size };
  const close = async () => {
    hocuspocus.closeConnections();
    server.closeAllConnections();
    server.close();
  };
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, source, close };
}

async function main(): Promise<void> {
  const kind = process.env.BENCH_SERVER;
  const started =
    kind === 'pathbook' ? await pathbook(process.env.BENCH_DATA_DIR!) : kind === 'bare' ? await bare(process.env.BENCH_BASELINE_DIR!) : null;
  if (!started) throw new Error(`BENCH_SERVER must be pathbook or bare, not ${kind}`);
  const control = await startControl(started.source);
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    control.server.close();
    started.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  const syncUrl = `${started.url.replace(/^http/, 'ws')}${SYNC_PATH}?schema=${SCHEMA_VERSION}`;
  console.log(READY_PREFIX + JSON.stringify({ syncUrl, apiUrl: started.url, controlUrl: control.url }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
