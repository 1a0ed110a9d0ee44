import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cleanup, newClass, newTeacher, tempDir, type TestTeacher } from '../helpers';
import { spawnRelay, type ChildRelay } from '../child-relay';
import { rawExchange, statusOf } from './raw-tcp';
import { expectDeviceSyncs } from './well-behaved';

/**
 * Issue 8, critical: one request line stopped the relay (`new URL()` threw outside any handler and
 * the uncaught-exception handler shut the process down). The relay runs as its own process here,
 * with main.ts's handlers, so "stops" means the process exits.
 */

const UPGRADE = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n${headers}\r\n`;
const upgrade = (target: string) => `GET ${target} HTTP/1.1\r\nHost: relay\r\n${UPGRADE}\r\n`;
const post = (target: string, headers: string, body: string) => `POST ${target} HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n${headers}\r\n${body}`;

/** Request lines, headers and bodies a hostile or broken client may send; each gets a 4xx or a closed connection. */
const MALFORMED: [label: string, request: string][] = [
  ['bracket host', get('http://[/')],
  ['bad percent host', get('http://%zz/')],
  ['port out of range', get('http://127.0.0.1:99999/')],
  ['bracket host on the API', get('http://[/api/health')],
  ['bracket host on a photo', get('http://[/api/classes/a/students/b/blobs/c')],
  ['empty absolute URL', get('http://')],
  ['negative port', get('http://relay:-1/')],
  ['scheme-relative bracket', get('//[/')],
  ['unclosed IPv6 host', get('http://[::1/')],
  ['bad percent in the path', get('/%E0%A4%A')],
  ['bad percent in the API path', get('/api/join/%zz?deviceId=abcdefgh')],
  ['NUL in the path', get('/\0')],
  ['space in the target', get('/a b')],
  ['bracket host on POST', post('http://[/api/auth/signin', 'Content-Type: application/json\r\nContent-Length: 2\r\n', '{}')],
  ['bracket host on the sync upgrade', upgrade('http://[/sync')],
  ['scheme-relative sync upgrade', upgrade('//[/sync')],
  ['bad port on the sync upgrade', upgrade('http://relay:99999/sync')],
  ['upgrade without a key', `GET /sync HTTP/1.1\r\nHost: relay\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`],
  ['upgrade with a bad version', `GET /sync HTTP/1.1\r\nHost: relay\r\n${UPGRADE.replace('13', '99')}\r\n`],
  ['unknown method', 'FOO / HTTP/1.1\r\nHost: relay\r\n\r\n'],
  ['method with symbols', 'G@T / HTTP/1.1\r\nHost: relay\r\n\r\n'],
  ['DELETE on the app', 'DELETE / HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n'],
  ['CONNECT', 'CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n'],
  ['HTTP/9.9', 'GET / HTTP/9.9\r\nHost: relay\r\n\r\n'],
  ['no version', 'GET /\r\n\r\n'],
  ['header name with a space', get('/', 'Bad Header: x\r\n')],
  ['header without a colon', get('/', 'NoColon\r\n')],
  ['negative length', post('/api/auth/signin', 'Content-Length: -1\r\n', '')],
  ['two lengths', post('/api/auth/signin', 'Content-Length: 1\r\nContent-Length: 2\r\n', '{}')],
  ['chunked and a length', post('/api/auth/signin', 'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n', '0\r\n\r\n')],
  ['huge header', get('/', `X-Big: ${'a'.repeat(100_000)}\r\n`)],
  ['many headers', get('/', Array.from({ length: 3000 }, (_, i) => `X-H${i}: v\r\n`).join(''))],
  ['bad chunk size', post('/api/auth/signin', 'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n', 'zz\r\nhello\r\n0\r\n\r\n')],
  ['overflowing chunk size', post('/api/auth/signin', 'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n', 'FFFFFFFFFFFFFFFFFFFF\r\nx\r\n')],
  ['chunk without its end', post('/api/auth/signin', 'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n', '5\r\nhelloXX0\r\n\r\n')],
  ['bad chunk on a photo upload', post('/api/classes/a/students/b/blobs/' + 'a'.repeat(64), 'Transfer-Encoding: chunked\r\n', 'zz\r\n')],
  ['binary garbage', '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n'],
];

let relay: ChildRelay;
let teacher: TestTeacher;
let classId: string;

beforeAll(async () => {
  relay = await spawnRelay(await tempDir());
  teacher = await newTeacher(relay);
  ({ classId } = await newClass(relay, teacher));
}, 60_000);
afterAll(cleanup);

describe('malformed requests never stop the relay', () => {
  it.each(MALFORMED)('%s: refused, and the relay keeps running', async (_label, request) => {
    const answer = await rawExchange(relay.port, request);
    const status = statusOf(answer);
    // A clear refusal, or a closed connection for what is not HTTP at all; never a 500 (an unhandled
    // failure). `GET /` without a version is HTTP/0.9-style and gets the app (503 here: no dist/).
    if (status !== null) expect(status).toBeGreaterThanOrEqual(400);
    expect(status).not.toBe(500);
    expect(relay.process.exitCode).toBeNull();
    expect((await api(relay, 'GET', '/api/health')).status).toBe(200);
  });

  it('the three lines from the issue answer 400', async () => {
    for (const target of ['http://[/', 'http://%zz/', 'http://127.0.0.1:99999/']) {
      expect(statusOf(await rawExchange(relay.port, get(target)))).toBe(400);
    }
  });

  it('all of them again, at once, and then a device still syncs', async () => {
    await Promise.all(MALFORMED.map(([, request]) => rawExchange(relay.port, request)));
    expect(relay.process.exitCode).toBeNull();
    await expectDeviceSyncs(relay, teacher, classId);
    expect(relay.output()).not.toContain('uncaught exception');
  });
});
