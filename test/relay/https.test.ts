import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSchoolCertificates } from '../../scripts/tls/school-certificates';
import { ConfigError } from '../../src/relay/config';
import { startRelay } from '../../src/relay/relay';
import { cleanup, newRelay, tempDir, waitFor } from './helpers';

afterEach(cleanup);

const HOST = 'school.pathbook.test';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  serial: string | null;
}

/** A request to 127.0.0.1 as if to `HOST`, trusting only the school CA (as a device that installed it). */
function get(scheme: 'http' | 'https', port: number, path: string, ca?: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path, headers: { host: `${HOST}:${port}`, ...headers }, servername: HOST, ca, agent: false };
    const req = (scheme === 'https' ? httpsRequest : httpRequest)(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const socket = res.socket as TLSSocket;
        const serial = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate().serialNumber ?? null : null;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), serial });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the relay over HTTPS with a school certificate', () => {
  it('serves the app and API over HTTPS, /trust and the CA over plain HTTP, redirects the rest, and reloads a renewed certificate', async () => {
    const dir = await tempDir();
    const tls = join(dir, 'tls');
    const files = await makeSchoolCertificates(tls, { hosts: [HOST, 'localhost'], ips: ['127.0.0.1'] });
    const ca = readFileSync(files.caCert, 'utf8');
    const relay = await newRelay({ dataDir: join(dir, 'data'), tlsCert: files.serverCert, tlsKey: files.serverKey, httpPort: 0 });
    expect(relay.url).toMatch(/^https:\/\//);
    const httpPort = relay.redirectPort!;

    const health = await get('https', relay.port, '/api/health', ca);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body).trust).toEqual({ path: '/trust', httpPort });
    // A device that has not trusted the CA is refused by TLS itself.
    await expect(get('https', relay.port, '/api/health')).rejects.toThrow(/self.signed|unable to verify|certificate/i);

    const redirected = await get('http', httpPort, '/classes?x=1');
    expect(redirected.status).toBe(308);
    expect(redirected.headers.location).toBe(`https://${HOST}:${relay.port}/classes?x=1`);

    const trust = await get('http', httpPort, '/trust');
    expect(trust.status).toBe(200);
    expect(trust.body).toContain('/trust/pathbook-school-ca.crt');
    for (const device of ['Android', 'ChromeOS', 'Windows', 'iPad']) expect(trust.body).toContain(device);
    expect(trust.body).toContain(`https://${HOST}:${relay.port}/`);
    const download = await get('http', httpPort, '/trust/pathbook-school-ca.crt');
    expect(download.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(download.body).toBe(ca);
    expect((await get('https', relay.port, '/trust', ca)).status).toBe(200);

    // A hostile Host header gets a refusal, not a redirect to somewhere else.
    const hostile = await get('http', httpPort, '/', undefined, { host: 'evil.example/"><script>' });
    expect(hostile.status).toBe(400);

    // Renewed on disk (same CA, new server certificate): new connections get it, no restart.
    const before = health.serial;
    await makeSchoolCertificates(tls, { hosts: [HOST], ips: ['127.0.0.1'] });
    const renewedAt = Date.now();
    await waitFor(async () => (await get('https', relay.port, '/api/health', ca)).serial !== before, { timeout: 20_000, interval: 250 });
    console.log(`[https] renewed certificate served ${Date.now() - renewedAt} ms after it was written`);
  });

  it('refuses half a TLS setting, or an HTTP port without HTTPS, with a clear message', async () => {
    const dir = await tempDir();
    await expect(startRelay({ dataDir: dir, port: 0, quiet: true, tlsCert: join(dir, 'x.crt') })).rejects.toThrow(ConfigError);
    await expect(startRelay({ dataDir: dir, port: 0, quiet: true, httpPort: 0 })).rejects.toThrow(/PATHBOOK_TLS_CERT/);
    const files = await makeSchoolCertificates(join(dir, 'a'), { hosts: [HOST], ips: [] });
    const other = await makeSchoolCertificates(join(dir, 'b'), { hosts: [HOST], ips: [] });
    await expect(startRelay({ dataDir: dir, port: 0, quiet: true, tlsCert: files.serverCert, tlsKey: other.serverKey })).rejects.toThrow(/does not belong/);
  });
});
