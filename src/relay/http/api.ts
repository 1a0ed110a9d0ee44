import type { IncomingMessage, ServerResponse } from 'node:http';
import { RelayError } from '../../protocol/relay-error';
import { MAX_CLIENT_SCHEMA, MIN_CLIENT_SCHEMA } from '../schema-version';
import type { RelayServices } from '../services';
import { authRoutes } from './auth-routes';
import { blobApi } from './blob-routes';
import { classRoutes } from './class-routes';
import { familyRoutes } from './family-routes';
import { joinRoutes } from './join-routes';
import { readJson, sendError, sendJson } from './json';
import { Router, type RouteContext } from './router';
import { requireSameOrigin } from './request-checks';

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

function requestOrigin(req: IncomingMessage, publicUrl: string | null): string {
  if (publicUrl) return publicUrl;
  const host = req.headers.host;
  // Over the relay's own HTTPS, links must say https (the TLS port does not speak plain HTTP).
  const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  return host && /^[\w.:[\]-]+$/.test(host) ? `${scheme}://${host}` : `${scheme}://localhost`;
}

/** The JSON API under /api: every answer is JSON, every error `{ error, message }`. */
export function createApi(s: RelayServices): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> {
  const router = new Router();
  // `ok` says the relay answers; `storage.ok` false means edits are held in memory until its disk takes writes again.
  router.on('GET', '/api/health', () => ({
    body: {
      ok: true,
      schema: { min: MIN_CLIENT_SCHEMA, max: MAX_CLIENT_SCHEMA },
      storage: s.storage.status(),
      // Where devices learn to trust the school's certificate: /trust on this address, or on the plain-HTTP port.
      trust: { path: '/trust', httpPort: s.config.httpPort === null ? null : s.config.httpPort },
    },
  }));
  authRoutes(router, s);
  classRoutes(router, s);
  joinRoutes(router, s);
  familyRoutes(router, s);
  const photos = blobApi(s);

  return async (req, res, url) => {
    try {
      requireSameOrigin(req, s.config.publicUrl);
    } catch (error) {
      sendError(res, error);
      return;
    }
    if (await photos(req, res, url)) return;
    try {
      const match = router.match(req.method ?? 'GET', url.pathname);
      if (!match) throw new RelayError(404, 'not-found', `No API route ${url.pathname}.`);
      if ('allowed' in match) {
        throw new RelayError(405, 'method-not-allowed', `Use ${match.allowed.join(' or ')} for ${url.pathname}.`, { Allow: match.allowed.join(', ') });
      }
      let body: Promise<unknown> | null = null;
      const ctx: RouteContext = {
        req,
        url,
        params: match.params,
        body: () => (body ??= readJson(req)),
        principal: () => s.tokens.verify(bearer(req)),
        origin: requestOrigin(req, s.config.publicUrl),
      };
      const reply = await match.handler(ctx);
      sendJson(res, reply.status ?? 200, reply.body);
    } catch (error) {
      // Too large: say so and close, rather than read the rest of what may be a very long upload.
      if (error instanceof RelayError && error.status === 413) res.setHeader('Connection', 'close');
      sendError(res, error);
    }
  };
}
