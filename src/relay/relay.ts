import { mkdirSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Hocuspocus } from '@hocuspocus/server';
import { resolveConfig, type RelayConfig, type RelayOptions } from './config';
import { openDatabase, type Db } from './db/open';
import { loadOrCreateSigningKey } from './secrets';
import { Attempts } from './rate-limits';
import { HashQueue } from './hash-queue';
import { Accounts } from './accounts';
import { Classes } from './classes';
import { Devices } from './devices';
import { Tokens } from './tokens';
import { DocumentRows, Persistence } from './persistence';
import { Documents } from './documents';
import { Enrolment } from './enrolment';
import { Students } from './students';
import { FamilyLinks } from './family';
import { JoinRequests } from './join-requests';
import { Invitations } from './invitations';
import { rosterWatch } from './roster-watch';
import { accessControl } from './access';
import { messageGuard } from './message-guard';
import { LimitedLog } from './log';
import { PreAuthGate, preAuthRelease } from './pre-auth-gate';
import { createApi } from './http/api';
import { requestUrl } from './http/request-url';
import { setSecurityHeaders } from './http/security-headers';
import { serveStatic } from './static-files';
import { SYNC_PATH } from '../protocol/sync-socket';
import { attachSyncSocket } from './websocket';
import { flushPendingStores } from './shutdown';
import { StorageHealth } from './storage-health';
import { createServers } from './servers';
import { restrictToOwner } from './owner-only';
import type { RelayServices } from './services';

export interface Relay {
  /** http(s)://host:port (the app and /api); the sync socket is `${url.replace('http', 'ws')}/sync`. */
  url: string;
  port: number;
  /** With HTTPS and PATHBOOK_HTTP_PORT: the plain-HTTP port that serves /trust and redirects. */
  redirectPort: number | null;
  config: RelayConfig;
  db: Db;
  hocuspocus: Hocuspocus;
  /** What unauthenticated sync sockets hold now. */
  preAuth: PreAuthGate;
  services: RelayServices;
  /** Stops accepting, closes sockets, writes every pending document, closes the database. */
  close(): Promise<void>;
}

const DAY = 24 * 3600;

/** One process, one port: the built app, the JSON API under /api, and Yjs sync at /sync. */
export async function startRelay(options: RelayOptions = {}): Promise<Relay> {
  const config = resolveConfig(options);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  // Photos of children: the folder is owner-only even if an older relay or an admin made it otherwise.
  restrictToOwner(join(config.dataDir, 'blobs'), 0o700);
  const key = loadOrCreateSigningKey(config.dataDir);
  const db = openDatabase(join(config.dataDir, 'pathbook.sqlite'));

  const storage = new StorageHealth(config.quiet);
  const attempts = new Attempts(db, Math.max(...Object.values(config.limits).map((l) => l.windowSeconds)));
  const devices = new Devices(db, storage);
  const hashQueue = new HashQueue(config.hashConcurrency, config.hashQueueLength);
  const classes = new Classes(db);
  const tokens = new Tokens(key, devices, { student: config.studentTokenDays * DAY, teacher: config.teacherTokenDays * DAY });
  const students = new Students(db);
  const rows = new DocumentRows(db);
  const persistence = new Persistence(rows, storage);
  const log = config.quiet ? null : new LimitedLog();
  const gate = new PreAuthGate(
    {
      maxSockets: config.maxUnauthenticatedSockets,
      maxBytesPerSocket: config.maxUnauthenticatedSocketBytes,
      maxTotalBytes: config.maxUnauthenticatedTotalBytes,
      timeoutMs: config.unauthenticatedTimeoutMs,
    },
    (reason) => log?.warn('unauthenticated socket closed', reason),
  );
  const family = new FamilyLinks(db);
  const requests = new JoinRequests(db);
  const invitations = new Invitations(db);
  const hocuspocus = new Hocuspocus({
    quiet: true,
    // Once a socket has a document open (the gate no longer counts it): what it may queue for its
    // other documents while they authenticate, one largest message (Hocuspocus' default is 5 MiB).
    maxUnauthenticatedQueueSize: config.maxMessageBytes,
    debounce: config.saveDebounceMs,
    maxDebounce: config.saveMaxDebounceMs,
    extensions: [
      accessControl({ tokens, classes, students, quiet: config.quiet }),
      preAuthRelease(),
      messageGuard({ limits: { maxNestingDepth: config.maxNestingDepth, maxDocumentBytes: config.maxDocumentBytes }, log }),
      persistence,
      rosterWatch({ students, devices, family, requests }),
    ],
  });
  const documents = new Documents(hocuspocus, rows);
  const enrolment = new Enrolment({
    students, classes, devices, documents, tokens, attempts, requests, limits: config.limits, pendingJoinsPerClass: config.pendingJoinsPerClass,
  });
  const services: RelayServices = {
    config,
    hocuspocus,
    tokens,
    accounts: new Accounts(db, {
      attempts,
      limits: config.limits,
      hashQueue,
      hashCost: config.passwordHashCost,
      knownDevice: (teacherId, deviceId) => devices.isActive({ deviceId, role: 'teacher', subject: teacherId, classId: '' }),
    }),
    classes,
    devices,
    documents,
    enrolment,
    family,
    storage,
    requests,
    invitations,
    students,
  };

  const api = createApi(services);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setSecurityHeaders(res);
    const url = requestUrl(req.url);
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('Bad request target\n');
      return;
    }
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) await api(req, res, url);
    else await serveStatic(config.distDir, req, res, url.pathname);
  };
  // Everything about one request, parsing its URL included, happens inside its own error handling.
  const servers = createServers(config, (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[pathbook] request failed', error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  const server = servers.main;
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  const wss = attachSyncSocket(server, hocuspocus, { maxPayload: config.maxMessageBytes, gate, log });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const redirectPort = servers.redirect ? await listenRedirect(servers.redirect, config.httpPort ?? 0, config.host) : null;
  // The port actually bound (PATHBOOK_HTTP_PORT=0 picks one), as /api/health reports it.
  if (redirectPort !== null) config.httpPort = redirectPort;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      server.close();
      server.closeIdleConnections();
      servers.stopWatching();
      servers.redirect?.close();
      servers.redirect?.closeAllConnections();
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      await flushPendingStores(hocuspocus);
      const unsaved = await persistence.retryNow();
      if (unsaved > 0) console.error(`[pathbook] stopping with ${unsaved} document(s) not written (disk full?); devices still hold those edits and send them again.`);
      persistence.stop();
      wss.close();
      server.closeAllConnections();
      db.close();
    })());

  return {
    url: `${servers.scheme}://${shownHost}:${port}`,
    port,
    redirectPort,
    config,
    db,
    hocuspocus,
    preAuth: gate,
    services,
    close,
  };
}

async function listenRedirect(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export { SYNC_PATH };
