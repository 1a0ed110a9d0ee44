import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { localDb } from '../../src/local/db';
import {
  FREE_TRIES,
  lockFor,
  MAX_WAIT_MS,
  setProfileSecret,
  storeToken,
  unlockProfile,
  unsealToken,
  waitAfter,
  WAIT_STEP_MS,
} from '../../src/local/profile-lock';
import { createProfile, getProfile, InvalidProfileError, updateProfile } from '../../src/local/profiles';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrb2ZpIn0.c2lnbmF0dXJlLW9mLWtvZmk';

/** Everything the registry row holds, as one string, the way someone reading the disk would search it. */
async function rawRow(id: string): Promise<string> {
  return JSON.stringify(await localDb().profiles.get(id));
}

async function student(token: string | null = TOKEN) {
  return createProfile({ role: 'student', displayName: 'Kofi', language: 'en', studentId: 'kofi1', relayUrl: 'http://relay', token });
}

describe('profile lock', () => {
  it('a PIN seals the token: the disk holds no readable token, the right PIN gives it back', async () => {
    const p = await student();
    expect(await rawRow(p.id)).toContain(TOKEN);
    const set = await setProfileSecret(p.id, '2468', null);
    expect(set.token).toBe(TOKEN);
    const row = await rawRow(p.id);
    for (const part of [TOKEN, ...TOKEN.split('.')]) expect(row).not.toContain(part);
    // Only text fields can hold the PIN: digits inside timestamps or salt bytes may spell 2468 by chance.
    const textOnly = JSON.stringify(await localDb().profiles.get(p.id), (_key, value: unknown) => (typeof value === 'number' ? undefined : value));
    expect(textOnly).not.toContain('2468');
    expect((await getProfile(p.id))?.token).toBeNull();

    const opened = await unlockProfile(p.id, '2468');
    expect(opened.kind).toBe('open');
    if (opened.kind === 'open') expect(opened.unlocked.token).toBe(TOKEN);
  });

  it('a wrong PIN gives nothing, and the sealed token does not open with another profile\'s key', async () => {
    const a = await student();
    const b = await student('another-token');
    await setProfileSecret(a.id, '1111', null);
    const bKey = await setProfileSecret(b.id, '1111', null);
    expect((await unlockProfile(a.id, '1112')).kind).toBe('wrong');
    // Same PIN, different salt and a ciphertext bound to its profile id: b's key cannot read a's token.
    const aRow = await getProfile(a.id);
    expect(await unsealToken(bKey.key!, a.id, aRow!.sealedToken!)).toBeNull();
    expect(await unsealToken(bKey.key!, b.id, aRow!.sealedToken!)).toBeNull();
  });

  it('wrong tries are counted on disk and the wait survives a reload (a fresh read); the right PIN forgives them', async () => {
    const p = await student();
    await setProfileSecret(p.id, '2468', null);
    let now = 1_000_000;
    for (let i = 1; i < FREE_TRIES; i++) expect(await unlockProfile(p.id, '0000', now)).toEqual({ kind: 'wrong', retryAt: now });
    const third = await unlockProfile(p.id, '0000', now);
    expect(third).toEqual({ kind: 'wrong', retryAt: now + WAIT_STEP_MS });
    const stored = await getProfile(p.id);
    expect(stored).toMatchObject({ wrongTries: FREE_TRIES, retryAt: now + WAIT_STEP_MS });
    // While waiting even the right PIN is not checked.
    expect(await unlockProfile(p.id, '2468', now + 5_000)).toEqual({ kind: 'wait', retryAt: now + WAIT_STEP_MS });
    now += WAIT_STEP_MS;
    expect(await unlockProfile(p.id, '0000', now)).toEqual({ kind: 'wrong', retryAt: now + 2 * WAIT_STEP_MS });
    now += 2 * WAIT_STEP_MS;
    expect((await unlockProfile(p.id, '2468', now)).kind).toBe('open');
    expect(await getProfile(p.id)).toMatchObject({ wrongTries: 0, retryAt: 0 });
  });

  it('the wait grows with each wrong try and stops growing at the cap', () => {
    expect(waitAfter(FREE_TRIES - 1)).toBe(0);
    expect(waitAfter(FREE_TRIES)).toBe(WAIT_STEP_MS);
    expect(waitAfter(FREE_TRIES + 4)).toBe(5 * WAIT_STEP_MS);
    expect(waitAfter(10_000)).toBe(MAX_WAIT_MS);
  });

  it('a renewed token is stored sealed with the open profile\'s key; without a key it is refused for a locked profile', async () => {
    const p = await student();
    const { key } = await setProfileSecret(p.id, 'maple-tree-42', null);
    await storeToken(p.id, 'renewed-token-xyz', key);
    expect(await rawRow(p.id)).not.toContain('renewed-token-xyz');
    const opened = await unlockProfile(p.id, 'maple-tree-42');
    expect(opened.kind === 'open' && opened.unlocked.token).toBe('renewed-token-xyz');
    // Nothing may write a readable token into a locked profile by mistake.
    await expect(updateProfile(p.id, { token: 'plain' })).rejects.toThrow(InvalidProfileError);
    await expect(storeToken(p.id, 'plain', null)).rejects.toThrow(InvalidProfileError);
    expect(await rawRow(p.id)).not.toContain('plain');
  });

  it('removing the secret puts the token back as it was; a profile locked before sealing existed is sealed at its next unlock', async () => {
    const p = await student();
    await setProfileSecret(p.id, '2468', null);
    await setProfileSecret(p.id, null, TOKEN);
    expect(await getProfile(p.id)).toMatchObject({ pinHash: null, sealedToken: null, token: TOKEN });

    // An older Pathbook stored a PIN hash beside a plain token.
    const { pinHash } = await lockFor('1357');
    const legacy = await student(null);
    await localDb().profiles.put({ ...(await getProfile(legacy.id))!, pinHash, token: TOKEN });
    const opened = await unlockProfile(legacy.id, '1357');
    expect(opened.kind === 'open' && opened.unlocked.token).toBe(TOKEN);
    expect(await rawRow(legacy.id)).not.toContain(TOKEN);
  });
});
