import type { IncomingMessage } from 'node:http';
import { RelayError } from '../../protocol/relay-error';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A request that changes something must come from the app itself: a browser names the page that
 * sent it in `Origin`, and a page elsewhere may not post here (sign-ups, joins, uploads made from
 * another site with someone's browser). Programs that send no Origin (tests, scripts) are fine.
 * Same origin: the Origin's host is the Host the request came to, or it is PATHBOOK_PUBLIC_URL
 * (behind a proxy that rewrites Host).
 */
export function requireSameOrigin(req: IncomingMessage, publicUrl: string | null): void {
  if (!UNSAFE_METHODS.has(req.method ?? 'GET')) return;
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    // 'null' (a sandboxed page, a file) or garbage: not this site.
  }
  if (host !== null && (host === req.headers.host || origin === publicUrl)) return;
  throw new RelayError(403, 'cross-origin', 'Requests that change something must come from the Pathbook app on this server.');
}

/**
 * A JSON body must say it is JSON: a cross-site HTML form can only send `text/plain`, form or
 * multipart bodies, which is what made cross-site posts possible.
 */
export function requireJsonType(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new RelayError(415, 'json-required', 'Send the request body as JSON, with Content-Type: application/json.');
  }
}
