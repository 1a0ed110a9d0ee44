import type { ServerResponse } from 'node:http';

/**
 * What the built app may load: only its own files (scripts, styles, fonts, the service worker,
 * the manifest), its own API and sync socket ('self' covers ws:/wss: to the same host in CSP 3),
 * and photos it shows from memory (blob:) or as data: URLs. No inline script, no eval, no plugin,
 * no other site, and no page may frame it. Inline style attributes are allowed: Preact sets some.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every answer, the app's files and the API's alike. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // For browsers without frame-ancestors.
  res.setHeader('X-Frame-Options', 'DENY');
}
