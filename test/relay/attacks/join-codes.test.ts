import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/core';
import { api, cleanup, enrolStudent, newClass, newRelay, newTeacher } from '../helpers';

afterEach(cleanup);

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function randomCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return code;
}

function rowsIn(relay: { db: { prepare(sql: string): { get(): unknown } } }): number {
  return (relay.db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n;
}

describe('attack: guessing join codes', () => {
  it('rotating device ids and codes: fewer than 100 guesses an hour are evaluated, the planted code is not found, the table stays small', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t);
    // The attacker: a fresh device id and a fresh code every time, as fast as answers come.
    const guesses = Array.from({ length: 2000 }, (_, i) => (i === 1500 ? cls.joinCode : randomCode()));
    const statuses: Record<number, number> = {};
    let found = false;
    for (let i = 0; i < guesses.length; i += 50) {
      const batch = await Promise.all(guesses.slice(i, i + 50).map((code) => api(relay, 'GET', `/api/join/${code}?deviceId=${newId()}`)));
      for (const r of batch) {
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status === 200) found = true;
      }
    }
    const rows = rowsIn(relay);
    console.log('[join-code guessing]', JSON.stringify({ guesses: guesses.length, answers: statuses, attemptsRows: rows }));
    // One 10-minute window lets 12 through; an hour overlaps at most 7 windows: at most 84.
    expect(statuses[404]).toBe(12);
    expect(statuses[429]).toBe(1988);
    expect(found).toBe(false);
    // One row for the relay and one per device whose guess was let through.
    expect(rows).toBeLessThanOrEqual(1 + 12 + 1);
  });

  it('the budget is per window: over 3 short windows no more than 3 x max get through', async () => {
    const relay = await newRelay({ limits: { joinPerRelay: { max: 5, windowSeconds: 1 } } });
    let evaluated = 0;
    const until = Date.now() + 2_500;
    while (Date.now() < until) {
      const r = await api(relay, 'GET', `/api/join/${randomCode()}?deviceId=${newId()}`);
      if (r.status === 404) evaluated++;
      else expect(r.status).toBe(429);
    }
    expect(evaluated).toBeGreaterThanOrEqual(5);
    expect(evaluated).toBeLessThanOrEqual(15);
  });

  it('while typed codes are paused, the QR link (its 20-character key) still lets a class join', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t);
    for (let i = 0; i < 20; i++) await api(relay, 'GET', `/api/join/${randomCode()}?deviceId=${newId()}`);
    expect((await api(relay, 'GET', `/api/join/${cls.joinCode}?deviceId=${newId()}`)).status).toBe(429);
    const link = await api(relay, 'GET', `/api/classes/${cls.classId}/join-code`, { token: t.token });
    const key = String(link.body.joinUrl).split('/').pop()!;
    expect(key).toHaveLength(20);
    const viaQr = await api(relay, 'GET', `/api/join/${key}?deviceId=${newId()}`);
    expect(viaQr.status).toBe(200);
    const joined = await enrolStudent(relay, key, cls.students[0]!.id);
    expect(joined.classId).toBe(cls.classId);
  });

  it('30 failed joins naming a class code do not lock the class out of joining', async () => {
    const relay = await newRelay();
    const t = await newTeacher(relay);
    const cls = await newClass(relay, t);
    for (let i = 0; i < 30; i++) {
      const r = await api(relay, 'POST', '/api/join', { body: { code: cls.joinCode, studentId: newId(), deviceId: newId() } });
      expect(r.status).toBe(404);
    }
    const joined = await enrolStudent(relay, cls.joinCode, cls.students[0]!.id);
    expect(joined.classId).toBe(cls.classId);
  });
});
