import { SignJWT, jwtVerify, errors } from 'jose';
import { newId } from '../core/ids';
import { RelayError } from '../protocol/relay-error';
import type { IssuedToken } from '../protocol/http-api';
import { claimsFromPayload, TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenClaims as WireClaims } from '../protocol/token-claims';
import type { Devices, Role } from './devices';

/** What a verified token says: who, on which device, for which class(es). */
export interface Principal {
  role: Role;
  /** Teacher id or student id. */
  subject: string;
  /** A student's one class; for a teacher, the classes taught when the token was issued (access is checked live). */
  classIds: string[];
  deviceId: string;
  jti: string;
  expiresAt: number;
}

/** What a new token is issued for (its expiry comes from the role's lifetime). */
export type TokenClaims = Omit<WireClaims, 'expiresAt'>;

function refused(code: string, message: string): RelayError {
  return new RelayError(401, code, message);
}

/** HS256 tokens (jose) signed with the relay's key; every use also checks the device is not revoked. */
export class Tokens {
  constructor(
    private readonly key: Uint8Array,
    private readonly devices: Devices,
    private readonly lifetimeSeconds: Record<Role, number>,
  ) {}

  async issue(claims: TokenClaims, lifetimeSeconds = this.lifetimeSeconds[claims.role]): Promise<IssuedToken> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + Math.round(lifetimeSeconds);
    const token = await new SignJWT({ role: claims.role, cls: claims.classIds, dev: claims.deviceId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.subject)
      .setJti(newId())
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: exp * 1000 };
  }

  async verify(token: string | null | undefined): Promise<Principal> {
    if (!token) throw refused('token-missing', 'Sign in first: this request needs a token.');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw refused('token-expired', 'This sign-in has expired: sign in again.');
      if (error instanceof errors.JWSSignatureVerificationFailed) {
        throw refused('token-invalid', 'This token was not issued by this relay: sign in again.');
      }
      throw refused('token-malformed', 'This token could not be read: sign in again.');
    }
    const claims = claimsFromPayload(payload);
    const { jti } = payload;
    // A student's token is for exactly one class.
    const wellFormed = claims !== null && typeof jti === 'string' && (claims.role === 'teacher' || claims.classIds.length === 1);
    if (!wellFormed) throw refused('token-malformed', 'This token could not be read: sign in again.');
    const { role, subject: sub, deviceId: dev } = claims;
    const principal: Principal = { ...claims, jti };
    const status = this.devices.status({ deviceId: dev, role, subject: sub, classId: role === 'student' ? principal.classIds[0]! : '' });
    if (status === 'revoked') throw refused('device-revoked', 'This device was removed by a teacher: ask your teacher to join again.');
    if (status === 'unknown') throw refused('device-unknown', 'This device is not signed in on this relay: sign in again.');
    return principal;
  }
}
