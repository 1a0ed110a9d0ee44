/** Why the relay refused a document or closed it: its stable code and a sentence for people. */
export interface Refusal {
  code: string;
  message: string;
}

/** The token is missing, unreadable, not this relay's, expired, or its device is not (or no longer) signed in. */
export const TOKEN_REFUSALS = ['token-missing', 'token-malformed', 'token-invalid', 'token-expired', 'device-unknown', 'device-revoked'] as const;

/** This Pathbook is too old or too new for the relay (PROTOCOL.md, "Schema"). */
export const SCHEMA_REFUSALS = ['schema-too-old', 'schema-too-new'] as const;

/** Every code a document can be refused with on the sync socket (PROTOCOL.md, "Refusals"). */
export const SOCKET_REFUSALS = [...SCHEMA_REFUSALS, ...TOKEN_REFUSALS, 'unknown-document', 'forbidden', 'internal'] as const;
export type SocketRefusalCode = (typeof SOCKET_REFUSALS)[number];

/**
 * Codes that concern the whole device, not one document: the token or device is not accepted, or
 * this Pathbook is too old or too new for the relay. The device stops connecting until told to
 * try again; the app words them (sign in again, update Pathbook...).
 */
const SESSION_CODES = new Set<string>([...SCHEMA_REFUSALS, ...TOKEN_REFUSALS]);

export function isSessionRefusal(code: string): boolean {
  return SESSION_CODES.has(code);
}

/** The reason the relay sends with a refused document: `code: sentence`. */
export function formatRefusal(refusal: Refusal): string {
  return `${refusal.code}: ${refusal.message}`;
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
