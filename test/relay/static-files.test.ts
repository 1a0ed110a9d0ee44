import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptedEncodings, preferredLanguages } from '../../src/relay/static-files';
import { cleanup, newRelay, tempDir } from './helpers';

afterEach(cleanup);

interface Reply {
  status: number;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    // node:http never decodes bodies, so what arrives here is exactly what went on the wire.
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject).end();
  });
}

const CHROME_ACCEPT = 'gzip, deflate, br, zstd';
const TEXT_EXTENSIONS = /\.(js|css|html|svg|webmanifest)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** A small dist/ with one file of each text type, compressed by the build's own script. */
async function compressedDist(): Promise<string> {
  const dist = join(await tempDir(), 'dist');
  await mkdir(join(dist, 'assets'), { recursive: true });
  const text = (what: string) => `${what} `.repeat(200);
  await writeFile(join(dist, 'index.html'), `<!doctype html><title>Pathbook</title>${text('<p>welcome</p>')}`);
  await writeFile(join(dist, 'sw.js'), text('self.addEventListener("install", () => {});'));
  await writeFile(join(dist, 'manifest.webmanifest'), JSON.stringify({ name: text('Pathbook') }));
  await writeFile(join(dist, 'assets', 'app-1234.js'), text('console.log(1);'));
  await writeFile(join(dist, 'assets', 'app-1234.css'), text('body { color: red; }'));
  await writeFile(join(dist, 'assets', 'icon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${text('<g/>')}</svg>`);
  await writeFile(join(dist, 'assets', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await promisify(execFile)(process.execPath, ['scripts/compress-dist.mjs', dist]);
  return dist;
}

describe('compressed static files', () => {
  it('sends brotli to a browser that accepts it, gzip to one that only takes gzip, and the plain file otherwise', async () => {
    const dist = await compressedDist();
    const relay = await newRelay({ distDir: dist });
    const originals = [...files(dist)].filter((f) => TEXT_EXTENSIONS.test(f));
    expect(originals).toHaveLength(6);
    for (const file of originals) {
      const path = '/' + relative(dist, file);
      const original = await readFile(file);
      const br = await get(relay.url + path, { 'Accept-Encoding': CHROME_ACCEPT });
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers['vary'], path).toContain('Accept-Encoding');
      expect(Number(br.headers['content-length'])).toBe(br.body.length);
      expect(brotliDecompressSync(br.body).equals(original), path).toBe(true);
      expect(br.body.length).toBeLessThan(original.length);

      const gzip = await get(relay.url + path, { 'Accept-Encoding': 'gzip' });
      expect(gzip.headers['content-encoding'], path).toBe('gzip');
      expect(gunzipSync(gzip.body).equals(original), path).toBe(true);

      const plain = await get(relay.url + path);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(plain.headers['vary'], path).toContain('Accept-Encoding');
      expect(plain.body.equals(original), path).toBe(true);
    }
    // Refused with q=0: the next accepted one, never the refused one.
    expect((await get(relay.url + '/assets/app-1234.js', { 'Accept-Encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get(relay.url + '/assets/app-1234.js', { 'Accept-Encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
    // Binary files are sent as they are (they are compressed already).
    const png = await get(relay.url + '/assets/photo.png', { 'Accept-Encoding': CHROME_ACCEPT });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['vary']).toBeUndefined();
    // HEAD says the size of what GET would send.
    const head = await get(relay.url + '/assets/app-1234.js', { 'Accept-Encoding': CHROME_ACCEPT }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe((await readFile(join(dist, 'assets', 'app-1234.js.br'))).length);
  });

  it('caches fingerprinted assets for a year and makes HTML, sw.js and the manifest revalidate', async () => {
    const relay = await newRelay({ distDir: await compressedDist() });
    for (const path of ['/assets/app-1234.js', '/assets/app-1234.css']) {
      expect((await get(relay.url + path, { 'Accept-Encoding': CHROME_ACCEPT })).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const path of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/some/app/route']) {
      expect((await get(relay.url + path, { 'Accept-Encoding': CHROME_ACCEPT })).headers['cache-control'], path).toBe('no-cache');
    }
  });

  it("sends the start page prerendered in the browser's language when the build made one, English otherwise", async () => {
    const dist = await compressedDist();
    await writeFile(join(dist, 'index.es.html'), '<!doctype html><html lang="es"><title>Pathbook</title>');
    const relay = await newRelay({ distDir: dist });
    for (const path of ['/', '/index.html', '/some/app/route']) {
      const spanish = await get(relay.url + path, { 'Accept-Language': 'es-MX,es;q=0.9,en;q=0.8' });
      expect(spanish.body.toString(), path).toContain('lang="es"');
      expect(spanish.headers['vary']).toBe('Accept-Encoding, Accept-Language');
      expect((await get(relay.url + path, { 'Accept-Language': 'en-GB,es;q=0.5' })).body.toString()).toContain('welcome');
      expect((await get(relay.url + path, { 'Accept-Language': 'fr-FR,es;q=0.5' })).body.toString()).toContain('lang="es"');
      expect((await get(relay.url + path, { 'Accept-Language': 'fr-FR, de' })).body.toString()).toContain('welcome');
      expect((await get(relay.url + path)).body.toString()).toContain('welcome');
    }
    // Not a way to reach other files.
    expect((await get(relay.url + '/', { 'Accept-Language': '../sw, ..%2fsw' })).body.toString()).toContain('welcome');
    // Only the start page is translated.
    expect((await get(relay.url + '/sw.js', { 'Accept-Language': 'es' })).headers['vary']).toBe('Accept-Encoding');
  });

  it('reads Accept-Language by weight and order', () => {
    expect(preferredLanguages('es-MX,es;q=0.9,en;q=0.8')).toEqual(['es', 'en']);
    expect(preferredLanguages('en;q=0.5, es')).toEqual(['es', 'en']);
    expect(preferredLanguages('es;q=0, en')).toEqual(['en']);
    expect(preferredLanguages('*, ../x, es_ES')).toEqual([]);
    expect(preferredLanguages(undefined)).toEqual([]);
  });

  it('reads Accept-Encoding as RFC 9110 says, and shrugs off nonsense', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=0.5, br;q=0')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0, br')).toEqual(['br']);
    expect(acceptedEncodings('BR ; Q=1')).toEqual(['br']);
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('br;q=banana, ;;;, gzip;q=')).toEqual([]);
    expect(acceptedEncodings('br;q=0.001, gzip')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('x'.repeat(100_000))).toEqual([]);
  });

  // The real build (npm test builds before the tests): every text file a browser fetches is brotli.
  it.skipIf(!existsSync('dist/index.html'))('serves every text file of the real build brotli-encoded', async () => {
    const dist = resolve('dist');
    const relay = await newRelay({ distDir: dist });
    const texts = [...files(dist)].filter((f) => TEXT_EXTENSIONS.test(f));
    expect(texts.length).toBeGreaterThan(10);
    for (const file of texts) {
      const path = '/' + relative(dist, file).split('\\').join('/');
      const reply = await get(relay.url + path, { 'Accept-Encoding': CHROME_ACCEPT });
      expect(reply.headers['content-encoding'], path).toBe('br');
      expect(brotliDecompressSync(reply.body).equals(await readFile(file)), path).toBe(true);
    }
  });
});
