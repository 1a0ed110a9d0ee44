import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { RelayConfig } from './config';
import { createRedirectServer } from './http-redirect';
import { setSecurityHeaders } from './http/security-headers';
import { findSchoolCa, readTls, watchTls } from './tls';
import { originFor, requestHostname, serveTrust } from './trust-page';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RelayServers {
  scheme: 'http' | 'https';
  /** The app, the API and sync (HTTPS when a certificate is configured). */
  main: HttpServer;
  /** With HTTPS and PATHBOOK_HTTP_PORT: /trust and redirects to https. */
  redirect: HttpServer | null;
  /** Stops watching the certificate files. */
  stopWatching(): void;
}

/**
 * The relay's listening servers: plain HTTP as before, or HTTPS from PATHBOOK_TLS_CERT/KEY
 * (reloaded when they change) plus an optional plain-HTTP port that only redirects. /trust (the
 * school CA and how to trust it on each device) is served before anything else on both.
 */
export function createServers(config: RelayConfig, handler: Handler): RelayServers {
  const tls = config.tlsCert && config.tlsKey ? { cert: config.tlsCert, key: config.tlsKey } : null;
  const caPem = findSchoolCa(config.tlsCa, config.tlsCert);
  const scheme = tls ? 'https' : 'http';
  const withTrust: Handler = (req, res) => {
    setSecurityHeaders(res);
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://relay').pathname;
    } catch {
      // The main handler refuses unreadable targets its own way.
      handler(req, res);
      return;
    }
    const hostname = requestHostname(req);
    const appUrl = config.publicUrl ?? (hostname ? originFor(scheme, hostname, req.socket.localPort ?? config.port) : null);
    if (!serveTrust(req, res, pathname, caPem, appUrl ? `${appUrl}/` : null)) handler(req, res);
  };
  // An https.Server handles requests and upgrades exactly like an http.Server (it is one, over TLS).
  const main = tls ? (createHttpsServer(readTls(tls), withTrust) as unknown as HttpServer) : createHttpServer(withTrust);
  const stopWatching = tls ? watchTls(main as unknown as HttpsServer, tls, config.quiet) : () => {};
  const redirect =
    tls && config.httpPort !== null
      ? createRedirectServer({ httpsPort: () => (main.address() as { port: number } | null)?.port ?? config.port, publicUrl: config.publicUrl, caPem })
      : null;
  return { scheme, main, redirect, stopWatching };
}
