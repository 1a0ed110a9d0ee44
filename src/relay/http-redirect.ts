import { createServer, type Server } from 'node:http';
import { setSecurityHeaders } from './http/security-headers';
import { originFor, requestHostname, serveTrust } from './trust-page';

/**
 * The plain-HTTP port next to the HTTPS one: it serves only the /trust page and the school CA
 * (a device must fetch those before it trusts the HTTPS address) and sends everything else to
 * https on the same host name (308 keeps the method). Never the app: over plain HTTP on a school
 * address it could not work offline.
 */
export function createRedirectServer(options: { httpsPort: () => number; publicUrl: string | null; caPem: string | null }): Server {
  const server = createServer((req, res) => {
    setSecurityHeaders(res);
    let pathAndQuery = '/';
    try {
      const url = new URL(req.url ?? '/', 'http://relay');
      pathAndQuery = url.pathname + url.search;
      const hostname = requestHostname(req);
      const httpsOrigin = options.publicUrl ?? (hostname ? originFor('https', hostname, options.httpsPort()) : null);
      if (serveTrust(req, res, url.pathname, options.caPem, httpsOrigin ? `${httpsOrigin}/` : null)) return;
      if (!httpsOrigin) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Open Pathbook with https:// and the school server\'s name.\n');
        return;
      }
      res.writeHead(308, { Location: httpsOrigin + pathAndQuery, 'Content-Length': 0 }).end();
    } catch {
      if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    }
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;
  return server;
}
