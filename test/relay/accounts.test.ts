import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/core';
import { api, cleanup, newRelay, newTeacher } from './helpers';

afterEach(cleanup);

describe('teacher accounts', () => {
  it('signs up, signs in, and the token works for the API', async () => {
    const relay = await newRelay();
    const deviceId = newId();
    const up = await api(relay, 'POST', '/api/auth/signup', {
      body: { email: ' Ana@School.Test ', password: 'long enough', name: 'Ana', deviceId },
    });
    expect(up.status).toBe(201);
    expect(up.body.teacher).toMatchObject({ email: 'ana@school.test', name: 'Ana' });
    const me = await api(relay, 'GET', '/api/me', { token: up.body.token });
    expect(me.body).toMatchObject({ role: 'teacher', subject: up.body.teacher.id, deviceId });

    const inAgain = await api(relay, 'POST', '/api/auth/signin', { body: { email: 'ana@school.test', password: 'long enough', deviceId } });
    expect(inAgain.status).toBe(200);
    expect(inAgain.body.teacher.id).toBe(up.body.teacher.id);
    expect(typeof inAgain.body.token).toBe('string');
  });

  it('refuses a second account with the same email, a short password, and a wrong password', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const dup = await api(relay, 'POST', '/api/auth/signup', { body: { email: t.email.toUpperCase(), password: 'whatever123', name: 'X', deviceId: newId() } });
    expect(dup).toMatchObject({ status: 409, body: { error: 'email-taken' } });
    const short = await api(relay, 'POST', '/api/auth/signup', { body: { email: 'b@school.test', password: 'short', name: 'B', deviceId: newId() } });
    expect(short.status).toBe(400);
    expect(short.body.error).toBe('invalid-body');
    expect(short.body.message).toContain('password');
    const wrong = await api(relay, 'POST', '/api/auth/signin', { body: { email: t.email, password: 'not it at all', deviceId: t.deviceId } });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'wrong-password' } });
    const unknown = await api(relay, 'POST', '/api/auth/signin', { body: { email: 'nobody@school.test', password: 'not it at all', deviceId: t.deviceId } });
    expect(unknown).toMatchObject({ status: 401, body: { error: 'wrong-password' } });
  });

  it('the API needs a valid token', async () => {
    const relay = await newRelay();
    expect((await api(relay, 'GET', '/api/classes')).body.error).toBe('token-missing');
    expect((await api(relay, 'GET', '/api/classes', { token: 'garbage' })).body.error).toBe('token-malformed');
  });
});

describe('password attempt limits (per account and per device, never per IP)', () => {
  it('pauses an account for new devices after too many wrong passwords, not its known devices, and not other accounts', async () => {
    const relay = await newRelay({ limits: { passwordPerAccount: { max: 3, windowSeconds: 60 } } });
    const victim = await newTeacher(relay);
    const other = await newTeacher(relay);
    for (let i = 0; i < 3; i++) {
      const r = await api(relay, 'POST', '/api/auth/signin', { body: { email: victim.email, password: 'wrong guess', deviceId: newId() } });
      expect(r.status).toBe(401);
    }
    const locked = await api(relay, 'POST', '/api/auth/signin', { body: { email: victim.email, password: victim.password, deviceId: newId() } });
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('too-many-attempts');
    // The device the teacher signed up on is known: a stranger's guesses do not lock it out.
    const known = await api(relay, 'POST', '/api/auth/signin', { body: { email: victim.email, password: victim.password, deviceId: victim.deviceId } });
    expect(known.status).toBe(200);
    // Same network, same everything else: another account still signs in.
    const fine = await api(relay, 'POST', '/api/auth/signin', { body: { email: other.email, password: other.password, deviceId: other.deviceId } });
    expect(fine.status).toBe(200);
  });

  it('limits one device guessing across many accounts', async () => {
    const relay = await newRelay({ limits: { passwordPerDevice: { max: 4, windowSeconds: 60 } } });
    const t = await newTeacher(relay);
    const guesser = newId();
    for (let i = 0; i < 4; i++) {
      await api(relay, 'POST', '/api/auth/signin', { body: { email: `${i}-${t.email}`, password: 'guess guess', deviceId: guesser } });
    }
    const blocked = await api(relay, 'POST', '/api/auth/signin', { body: { email: t.email, password: t.password, deviceId: guesser } });
    expect(blocked.status).toBe(429);
    const elsewhere = await api(relay, 'POST', '/api/auth/signin', { body: { email: t.email, password: t.password, deviceId: t.deviceId } });
    expect(elsewhere.status).toBe(200);
  });

  it('a correct password clears the account counter', async () => {
    const relay = await newRelay({ limits: { passwordPerAccount: { max: 3, windowSeconds: 60 } } });
    const t = await newTeacher(relay);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) await api(relay, 'POST', '/api/auth/signin', { body: { email: t.email, password: 'wrong guess', deviceId: t.deviceId } });
      const ok = await api(relay, 'POST', '/api/auth/signin', { body: { email: t.email, password: t.password, deviceId: t.deviceId } });
      expect(ok.status).toBe(200);
    }
  });
});
