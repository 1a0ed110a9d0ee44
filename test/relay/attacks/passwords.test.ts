import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/core';
import { api, cleanup, newRelay, newTeacher } from '../helpers';

afterEach(cleanup);

function signIn(relay: { url: string }, email: string, password: string, deviceId: string) {
  return api(relay, 'POST', '/api/auth/signin', { body: { email, password, deviceId } });
}

function countBy(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe('attack: guessing a teacher password', () => {
  it('200 concurrent guesses on one account: only the account-device limit (10) is evaluated, the rest refused before hashing', async () => {
    // A queue long enough for all 200, so what stops them is the attempt count, not the busy queue.
    const relay = await newRelay({ hashQueueLength: 500 });
    const t = await newTeacher(relay);
    const guesser = newId();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => signIn(relay, t.email, `wrong guess ${i}`, guesser)));
    const counts = countBy(answers.map((a) => a.status));
    console.log('[200 concurrent guesses]', JSON.stringify(counts));
    expect(counts[401]).toBe(10);
    expect(counts[429]).toBe(190);
  });

  it("a stranger's wrong passwords (from any number of devices) never lock the teacher out of a device they used before", async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const strangers = await Promise.all(Array.from({ length: 30 }, () => signIn(relay, t.email, 'not the password', newId())));
    const counts = countBy(strangers.map((a) => a.status));
    expect(counts[401]).toBe(10);
    expect(counts[429]).toBe(20);
    // Issue 8: 10 wrong passwords then 15 minutes of 429 for the right one. Now the teacher's laptop signs in at once.
    expect((await signIn(relay, t.email, t.password, t.deviceId)).status).toBe(200);
    // A device that never signed in to this account waits out the window (what a stranger can delay is a new device only).
    expect((await signIn(relay, t.email, t.password, newId())).status).toBe(429);
  });

  it('the teacher\'s own device is still paused by its own wrong passwords', async () => {
    const relay = await newRelay({ limits: { passwordPerAccountDevice: { max: 3, windowSeconds: 60 } } });
    const t = await newTeacher(relay);
    for (let i = 0; i < 3; i++) expect((await signIn(relay, t.email, 'typo typo', t.deviceId)).status).toBe(401);
    expect((await signIn(relay, t.email, t.password, t.deviceId)).status).toBe(429);
  });

  it('relay-wide: guesses from fresh device ids across many accounts stop at the relay budget', async () => {
    const relay = await newRelay({ limits: { passwordPerRelay: { max: 25, windowSeconds: 300 } } });
    const t = await newTeacher(relay);
    const answers: number[] = [];
    for (let i = 0; i < 60; i++) answers.push((await signIn(relay, `${newId(6)}@school.test`, 'guess guess', newId())).status);
    expect(countBy(answers)).toEqual({ 401: 25, 429: 35 });
    // Rows written only for guesses let through: the relay's row, the sign-up's, and 25 guesses x (account-device, device, account).
    const rows = (relay.db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n;
    console.log('[relay-wide password budget] attempts rows after 60 guesses:', rows);
    expect(rows).toBeLessThanOrEqual(2 + 25 * 3);
    expect((await signIn(relay, t.email, t.password, t.deviceId)).status).toBe(200);
  });
});

describe('attack: weak passwords', () => {
  it('refuses short, one-character, blank, the email itself and common passwords; accepts a passphrase', async () => {
    const relay = await newRelay();
    const email = 'kofi.mensah@school.test';
    const refused = ['short', 'aaaaaaaa', '        ', 'abababab', email, 'kofi.mensah', 'password1', '12345678', 'iloveyou', 'Password123', 'qwertyuiop'];
    for (const password of refused) {
      const res = await api(relay, 'POST', '/api/auth/signup', { body: { email, password, name: 'Kofi', deviceId: newId() } });
      expect({ password, status: res.status }).toEqual({ password, status: 400 });
      expect(['weak-password', 'invalid-body']).toContain(res.body.error);
    }
    const long = 'the river by our school floods every spring '.repeat(4);
    const ok = await api(relay, 'POST', '/api/auth/signup', { body: { email, password: long, name: 'Kofi', deviceId: newId() } });
    expect(ok.status).toBe(201);
  });
});

describe('attack: unlimited sign-ups', () => {
  it('new accounts are limited relay-wide (30 per 15 minutes by default); then 429 with Retry-After', async () => {
    const relay = await newRelay();
    const answers = [];
    for (let i = 0; i < 40; i++) {
      answers.push(await api(relay, 'POST', '/api/auth/signup', { body: { email: `${newId(8)}@spam.test`, password: 'a long enough phrase', name: 'Spam', deviceId: newId() } }));
    }
    const counts = countBy(answers.map((a) => a.status));
    console.log('[40 sign-ups]', JSON.stringify(counts));
    expect(counts[201]).toBe(30);
    expect(counts[429]).toBe(10);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.error).toBe('too-many-attempts');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('one account connects at most classesPerTeacher classes', async () => {
    const relay = await newRelay({ classesPerTeacher: 3 });
    const t = await newTeacher(relay);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api(relay, 'POST', '/api/classes', { token: t.token, body: { classId: newId(), name: `c${i}` } })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });
});
