/** Why the relay refused a document or closed it: its stable code and a sentence for people. */
export interface Refusal {
  code: string;
  message: string;
}

/**
 * Codes that concern the whole device, not one document (src/relay/README.md, "Sync"): the token
 * or device is not accepted, or this Pathbook is too old or too new for the relay. The session
 * stops connecting until `reconnect()`; the app words them (sign in again, update Pathbook...).
 */
const SESSION_CODES = new Set([
  'schema-too-old',
  'schema-too-new',
  'token-missing',
  'token-malformed',
  'token-invalid',
  'token-expired',
  'device-unknown',
  'device-revoked',
]);

export function isSessionRefusal(code: string): boolean {
  return SESSION_CODES.has(code);
}

/** Parses the relay's `code: sentence` reason; anything else keeps its text under code `refused`. */
export function parseRefusal(reason: string | undefined | null): Refusal {
  const text = (reason ?? '').trim();
  const match = /^([a-z][a-z0-9-]*): (.*)$/s.exec(text);
  if (match) return { code: match[1]!, message: match[2]! };
  return { code: 'refused', message: text || 'The school server refused this document.' };
}

/** Like parseRefusal, but null for reasons that are not in the relay's `code: sentence` form. */
export function relayReason(reason: string | undefined | null): Refusal | null {
  const refusal = parseRefusal(reason);
  return refusal.code === 'refused' ? null : refusal;
}
