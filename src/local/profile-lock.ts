import { localDb } from './db';
import { getProfile, updateProfile } from './profiles';
import type { LockKind, SealedToken } from './types';

/**
 * A profile's lock on a shared device: its secret (a student's 4-digit PIN, a teacher's PIN or
 * password) is never stored. One PBKDF2 run (SHA-256, 100,000 iterations, a random salt per secret)
 * gives 512 bits: the first 256 are kept as the check (`pbkdf2$<iterations>$<salt>$<hash>`, the same
 * format as before, so older PINs still open), the last 256 become an AES-GCM key that seals the
 * relay token. That key lives only in memory while the profile is open, so the disk holds no
 * readable token of a locked profile. Wrong secrets are counted on disk, so a reload does not reset
 * the slow-down.
 */
const ITERATIONS = 100_000;
/** Wrong secrets allowed in a row before the lock makes the next try wait. */
export const FREE_TRIES = 3;
/** The wait grows by this much with each wrong try past the free ones, up to MAX_WAIT_MS. */
export const WAIT_STEP_MS = 10_000;
export const MAX_WAIT_MS = 5 * 60_000;

export interface Unlocked {
  /** Null for a profile without a lock. */
  key: CryptoKey | null;
  token: string | null;
}

export type UnlockResult =
  | { kind: 'open'; unlocked: Unlocked }
  | { kind: 'wrong'; retryAt: number }
  | { kind: 'wait'; retryAt: number }
  | { kind: 'no-lock' };

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (text: string) => new Uint8Array((text.match(/../g) ?? []).map((h) => parseInt(h, 16)));
const normalise = (secret: string) => secret.normalize('NFC');

async function derive(secret: string, salt: Uint8Array, iterations: number): Promise<{ check: string; key: CryptoKey }> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(normalise(secret)), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, 512));
  const key = await crypto.subtle.importKey('raw', bits.slice(32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { check: hex(bits.subarray(0, 32)), key };
}

/** A new check for `secret` and the key it opens. */
export async function lockFor(secret: string): Promise<{ pinHash: string; key: CryptoKey }> {
  if (!secret) throw new Error('A lock needs a secret.');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const { check, key } = await derive(secret, salt, ITERATIONS);
  return { pinHash: `pbkdf2$${ITERATIONS}$${hex(salt)}$${check}`, key };
}

/** The key when `secret` matches the stored check, else null. */
export async function keyIfMatches(secret: string, pinHash: string): Promise<CryptoKey | null> {
  const [scheme, iterations, salt, hash] = pinHash.split('$');
  const rounds = Number(iterations);
  if (scheme !== 'pbkdf2' || !Number.isInteger(rounds) || rounds < 1 || !salt || !hash || !secret) return null;
  const { check, key } = await derive(secret, unhex(salt), rounds);
  // Compare every character so the time taken says nothing about how much matched.
  let diff = check.length ^ hash.length;
  for (let i = 0; i < check.length; i++) diff |= check.charCodeAt(i) ^ (hash.charCodeAt(i) || 0);
  return diff === 0 ? key : null;
}

export async function sealToken(key: CryptoKey, profileId: string, token: string): Promise<SealedToken> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(profileId) }, key, new TextEncoder().encode(token));
  return { iv: hex(iv), data: hex(new Uint8Array(data)) };
}

/** The token, or null when the ciphertext does not open with this key (tampered, or another profile's). */
export async function unsealToken(key: CryptoKey, profileId: string, sealed: SealedToken): Promise<string | null> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unhex(sealed.iv), additionalData: new TextEncoder().encode(profileId) }, key, unhex(sealed.data));
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

export function waitAfter(wrongTries: number): number {
  return wrongTries < FREE_TRIES ? 0 : Math.min(MAX_WAIT_MS, WAIT_STEP_MS * (wrongTries - FREE_TRIES + 1));
}

/**
 * Tries a secret. The try is counted on disk before the secret is checked (closing the tab while it
 * is checked saves nothing), and forgiven when it was right. While a wait is running nothing is checked.
 */
export async function unlockProfile(profileId: string, secret: string, now = Date.now()): Promise<UnlockResult> {
  const db = localDb();
  const counted = await db.transaction('rw', db.profiles, async () => {
    const row = await db.profiles.get(profileId);
    if (!row?.pinHash) return null;
    const retryAt = row.retryAt ?? 0;
    if (retryAt > now) return { row, waiting: retryAt };
    const wrongTries = (row.wrongTries ?? 0) + 1;
    await db.profiles.put({ ...row, wrongTries, retryAt: now + waitAfter(wrongTries) });
    return { row, waiting: 0, retryAt: now + waitAfter(wrongTries) };
  });
  if (!counted) return { kind: 'no-lock' };
  if (counted.waiting) return { kind: 'wait', retryAt: counted.waiting };
  const { row } = counted;
  const key = await keyIfMatches(secret, row.pinHash!);
  if (!key) return { kind: 'wrong', retryAt: counted.retryAt ?? 0 };

  let token = row.sealedToken ? await unsealToken(key, profileId, row.sealedToken) : null;
  if (row.token) {
    // A profile locked before tokens were sealed: seal its token now that the key is here.
    token = row.token;
    await updateProfile(profileId, { token: null, sealedToken: await sealToken(key, profileId, token) });
  }
  await updateProfile(profileId, { wrongTries: 0, retryAt: 0 });
  return { kind: 'open', unlocked: { key, token } };
}

/**
 * Sets, changes or removes (null) a profile's secret. `token` is the profile's relay token as the
 * caller holds it (in memory for an open locked profile; for an unlocked one it is read from disk).
 * With a secret the token is sealed with the new key and nothing readable stays on disk.
 */
export async function setProfileSecret(profileId: string, secret: string | null, token: string | null, lockKind: LockKind | null = null): Promise<Unlocked> {
  const row = await getProfile(profileId);
  if (!row) throw new Error(`no profile ${profileId} on this device`);
  const current = token ?? row.token ?? null;
  if (secret === null) {
    await updateProfile(profileId, { pinHash: null, lockKind: null, sealedToken: null, token: current, wrongTries: 0, retryAt: 0 });
    return { key: null, token: current };
  }
  const { pinHash, key } = await lockFor(secret);
  const sealedToken = current ? await sealToken(key, profileId, current) : null;
  await updateProfile(profileId, { pinHash, lockKind, sealedToken, token: null, wrongTries: 0, retryAt: 0 });
  return { key, token: current };
}

/** Saves a new relay token (a renewal, a sign-in): sealed when the profile is open with a key, else as it is. */
export async function storeToken(profileId: string, token: string | null, key: CryptoKey | null): Promise<void> {
  if (key && token) await updateProfile(profileId, { token: null, sealedToken: await sealToken(key, profileId, token) });
  else if (key) await updateProfile(profileId, { token: null, sealedToken: null });
  else await updateProfile(profileId, { token });
}
