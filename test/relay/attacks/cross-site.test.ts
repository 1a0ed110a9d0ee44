import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/core';
import { api, cleanup, newRelay, type TestRelay } from '../helpers';

afterEach(cleanup);

const signupBody = () => ({ email: `${newId(8)}@school.test`, password: 'correct horse battery', name: 'Ms Rivera', deviceId: newId() });
const teachers = (relay: TestRelay) => (relay.db.prepare('SELECT COUNT(*) AS n FROM teachers').get() as { n: number }).n;

describe('cross-site posts', () => {
  it('a JSON body sent as text/plain (what any web page can post) is refused', async () => {
    const relay = await newRelay();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await api(relay, 'POST', '/api/auth/signup', { body: signupBody(), headers: { 'content-type': type } });
      expect(res).toMatchObject({ status: 415, body: { error: 'json-required' } });
    }
    expect(teachers(relay)).toBe(0);
  });

  it("a post from another site's page is refused; the app's own, and programs without Origin, are served", async () => {
    const relay = await newRelay();
    const host = new URL(relay.url).host;
    for (const origin of ['https://evil.example', 'null', `http://${host}.evil.example`, 'garbage']) {
      const res = await api(relay, 'POST', '/api/auth/signup', { body: signupBody(), headers: { origin } });
      expect(res).toMatchObject({ status: 403, body: { error: 'cross-origin' } });
      const photo = await fetch(`${relay.url}/api/classes/c/students/s/blobs/${'a'.repeat(64)}`, { method: 'PUT', headers: { origin }, body: 'x' });
      expect(photo.status).toBe(403);
    }
    expect(teachers(relay)).toBe(0);
    expect((await api(relay, 'POST', '/api/auth/signup', { body: signupBody(), headers: { origin: relay.url } })).status).toBe(201);
    expect((await api(relay, 'POST', '/api/auth/signup', { body: signupBody() })).status).toBe(201);
    // Reading needs a token anyway; a foreign Origin on a GET is not refused.
    expect((await api(relay, 'GET', '/api/health', { headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });

  it('behind a proxy, the public URL is the app origin', async () => {
    const relay = await newRelay({ publicUrl: 'https://pathbook.school.test' });
    const res = await api(relay, 'POST', '/api/auth/signup', { body: signupBody(), headers: { origin: 'https://pathbook.school.test' } });
    expect(res.status).toBe(201);
  });
});
