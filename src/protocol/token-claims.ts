/**
 * Relay tokens are HS256 JWTs (PROTOCOL.md, "Tokens"). Their payload, as the relay signs it:
 * `sub` teacher or student id, `role`, `cls` class ids, `dev` device id, `jti`, `iss`, `aud`,
 * `iat`, `exp` (seconds).
 */
export const TOKEN_ISSUER = 'pathbook-relay';
export const TOKEN_AUDIENCE = 'pathbook';

export type Role = 'teacher' | 'student';

/** What a token says: who it is for, on which device, for which classes, until when. */
export interface TokenClaims {
  role: Role;
  /** Teacher id or student id. */
  subject: string;
  /** A student's one class; for a teacher, the classes taught when the token was issued. */
  classIds: string[];
  deviceId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** The claims of a decoded payload, or null when it does not have the token's shape. */
export function claimsFromPayload(payload: unknown): TokenClaims | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { role, sub, cls, dev, exp } = payload as Record<string, unknown>;
  if (role !== 'teacher' && role !== 'student') return null;
  if (typeof sub !== 'string' || typeof dev !== 'string' || typeof exp !== 'number') return null;
  if (!Array.isArray(cls) || !cls.every((c): c is string => typeof c === 'string')) return null;
  return { role, subject: sub, classIds: cls, deviceId: dev, expiresAt: exp * 1000 };
}

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * The claims of a relay token read without the relay's key, or null when it is not one. A device
 * uses them to decide which documents to open and when to renew, never to grant anything (the
 * relay checks the signature on every use).
 */
export function readTokenClaims(token: string | null | undefined): TokenClaims | null {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    return claimsFromPayload(JSON.parse(base64UrlDecode(parts[1])));
  } catch {
    return null;
  }
}
