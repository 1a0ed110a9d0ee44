import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Text types the build stores precompressed beside the file (scripts/compress-dist.mjs writes .br and .gz). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.webmanifest', '.json', '.txt', '.map']);

const NOT_BUILT = 'Pathbook: the app has not been built yet. Run `npm run build`, then restart the relay.\n';

async function fileAt(path: string): Promise<Stats | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/** Serves the built app from distDir; unknown paths get index.html (the app routes by hash). */
export async function serveStatic(distDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad path\n');
    return;
  }
  const root = normalize(distDir + sep);
  let path = normalize(join(root, decoded));
  if (!path.startsWith(root) || decoded.includes('\0')) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  let stats = await fileAt(path);
  if (!stats) {
    path = join(root, 'index.html');
    stats = await fileAt(path);
  }
  // The start page comes prerendered in each of the app's languages (index.<lang>.html): send the browser's.
  const isStartPage = path === join(root, 'index.html');
  if (stats && isStartPage) {
    const translated = await translatedStartPage(root, req.headers['accept-language']);
    if (translated) ({ path, stats } = translated);
  }
  if (!stats) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(NOT_BUILT);
    return;
  }
  const extension = extname(path).toLowerCase();
  const compressible = COMPRESSIBLE.has(extension);
  // A slow link should download the brotli copy (gzip for older browsers) the build made beside the file.
  const encoded = compressible ? await precompressed(path, req.headers['accept-encoding']) : null;
  // Vite fingerprints /assets/*; everything else (index.html, sw.js, manifest) must revalidate so updates arrive.
  const immutable = path.startsWith(join(root, 'assets') + sep);
  const headers: Record<string, string | number> = {
    'Content-Type': TYPES[extension] ?? 'application/octet-stream',
    'Content-Length': encoded ? encoded.size : stats.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  if (compressible) headers['Vary'] = isStartPage ? 'Accept-Encoding, Accept-Language' : 'Accept-Encoding';
  if (encoded) headers['Content-Encoding'] = encoded.encoding;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(encoded ? encoded.path : path).on('error', () => res.destroy()).pipe(res);
}

/** Language tags the client prefers, best first (q > 0); only plain two- or three-letter languages. */
export function preferredLanguages(header: string | undefined): string[] {
  if (!header) return [];
  const tags: { language: string; q: number; at: number }[] = [];
  for (const [at, part] of header.slice(0, 1_000).split(',').entries()) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const language = tag.trim().split('-')[0] ?? '';
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : /^q=[01](\.\d{0,3})?$/.test(q) ? Number(q.slice(2)) : 0;
    if (/^[a-z]{2,3}$/.test(language) && weight > 0) tags.push({ language, q: weight, at });
  }
  return [...new Set(tags.sort((a, b) => b.q - a.q || a.at - b.at).map((t) => t.language))];
}

async function translatedStartPage(root: string, acceptLanguage: string | undefined): Promise<{ path: string; stats: Stats } | null> {
  for (const language of preferredLanguages(acceptLanguage)) {
    // index.html is the English page; the first language we have a page for wins.
    if (language === 'en') return null;
    const path = join(root, `index.${language}.html`);
    const stats = await fileAt(path);
    if (stats) return { path, stats };
  }
  return null;
}

type Encoding = 'br' | 'gzip';

/** The encodings the client accepts (q > 0), best first by our preference: brotli is smaller than gzip. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const accepted = new Map<string, number>();
  for (const part of header.slice(0, 1_000).split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    // A weight we cannot read counts as a refusal: the plain file is always safe to send.
    const weight = q === undefined ? 1 : /^q=[01](\.\d{0,3})?$/.test(q) ? Number(q.slice(2)) : 0;
    accepted.set(token.trim(), weight);
  }
  const wildcard = accepted.get('*') ?? 0;
  return (['br', 'gzip'] as const).filter((e) => (accepted.get(e) ?? wildcard) > 0);
}

async function precompressed(path: string, acceptEncoding: string | undefined): Promise<{ path: string; size: number; encoding: Encoding } | null> {
  for (const encoding of acceptedEncodings(acceptEncoding)) {
    const candidate = `${path}.${encoding === 'br' ? 'br' : 'gz'}`;
    const stats = await fileAt(candidate);
    if (stats) return { path: candidate, size: stats.size, encoding };
  }
  return null;
}
