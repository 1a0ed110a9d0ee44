/**
 * What the device can read from its own relay token without the relay's key: who it is for and
 * when it expires. Used to decide which documents to open and when to renew, never to grant
 * anything (the relay checks the signature on every use).
 */
export interface TokenClaims {
  role: 'teacher' | 'student';
  /** Teacher id or student id. */
  subject: string;
  classIds: string[];
  deviceId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a relay token, or null when it is not one (missing, malformed, other shape). */
export function readTokenClaims(token: string | null | undefined): TokenClaims | null {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(base64UrlDecode(parts[1]));
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const { role, sub, cls, dev, exp } = payload as Record<string, unknown>;
  if (role !== 'teacher' && role !== 'student') return null;
  if (typeof sub !== 'string' || typeof dev !== 'string' || typeof exp !== 'number') return null;
  if (!Array.isArray(cls) || !cls.every((c): c is string => typeof c === 'string')) return null;
  return { role, subject: sub, classIds: cls, deviceId: dev, expiresAt: exp * 1000 };
}
