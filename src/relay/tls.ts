import { existsSync, readFileSync, unwatchFile, watchFile } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Server as HttpsServer } from 'node:https';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { ConfigError } from './config';

export interface TlsFiles {
  cert: string;
  key: string;
}

/** How often the relay looks at the certificate files for a renewal (polling survives renames, unlike fs.watch). */
const WATCH_INTERVAL_MS = 5_000;

/** The certificate and key as the HTTPS server takes them; a mismatch or an unreadable file is a clear error. */
export function readTls(files: TlsFiles): { cert: Buffer; key: Buffer } {
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = readFileSync(files.cert);
    key = readFileSync(files.key);
  } catch (error) {
    throw new ConfigError(`cannot read the TLS certificate or key: ${(error as Error).message}`);
  }
  try {
    const leaf = new X509Certificate(cert);
    if (!leaf.checkPrivateKey(createPrivateKey(key))) throw new Error('the key does not belong to the certificate');
  } catch (error) {
    throw new ConfigError(`${files.cert} / ${files.key}: ${(error as Error).message}`);
  }
  return { cert, key };
}

/**
 * Reloads the certificate when its files change (a renewed certificate, `npm run make-certificate`
 * run again): new connections get it, open ones keep theirs. A half-written or mismatched pair is
 * ignored until it is whole; the relay keeps serving the previous one. Returns a stop function.
 */
export function watchTls(server: HttpsServer, files: TlsFiles, quiet: boolean): () => void {
  let last = `${readFileSync(files.cert, 'utf8')}\n${readFileSync(files.key, 'utf8')}`;
  const reload = () => {
    let next: { cert: Buffer; key: Buffer };
    try {
      next = readTls(files);
    } catch (error) {
      if (!quiet) console.warn(`[pathbook] certificate not reloaded yet: ${(error as Error).message}`);
      return;
    }
    const text = `${next.cert.toString('utf8')}\n${next.key.toString('utf8')}`;
    if (text === last) return;
    last = text;
    server.setSecureContext(next);
    if (!quiet) console.log(`[pathbook] reloaded the TLS certificate from ${files.cert}`);
  };
  const options = { interval: WATCH_INTERVAL_MS, persistent: false };
  watchFile(files.cert, options, reload);
  watchFile(files.key, options, reload);
  return () => {
    unwatchFile(files.cert, reload);
    unwatchFile(files.key, reload);
  };
}

/** The school CA to hand out at /trust: the setting, else ca.crt beside the certificate (as make-certificate writes it). */
export function findSchoolCa(caFile: string | null, certFile: string | null): string | null {
  const file = caFile ?? (certFile ? join(dirname(certFile), 'ca.crt') : null);
  if (!file || !existsSync(file)) {
    if (caFile) throw new ConfigError(`PATHBOOK_TLS_CA=${caFile} does not exist.`);
    return null;
  }
  const pem = readFileSync(file, 'utf8');
  try {
    new X509Certificate(pem);
  } catch {
    throw new ConfigError(`${file} is not a PEM certificate.`);
  }
  return pem;
}
