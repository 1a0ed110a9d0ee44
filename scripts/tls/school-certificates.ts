import { webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
// @peculiar/x509 needs a Reflect polyfill loaded before it (its README); this is the one it depends on.
import '@abraham/reflection';
import * as x509 from '@peculiar/x509';

/**
 * A school certificate authority and a server certificate for the relay, for a school network with
 * no internet (no public CA can reach it). Made with @peculiar/x509 on Node's own WebCrypto: no
 * openssl binary (absent on Windows school machines), no hand-written ASN.1.
 *
 * Files in `dir`: ca.crt (give to every device: the relay serves it at /trust), ca.key (keep
 * secret: it can vouch for any name), server.crt and server.key (PATHBOOK_TLS_CERT / _KEY).
 * An existing CA is reused, so devices that trust it keep trusting the relay's new certificates.
 */
export interface SchoolCertificateOptions {
  /** Host names the relay is reached by, e.g. school.pathbook.test. */
  hosts: string[];
  /** LAN addresses the relay is reached by, e.g. 192.168.1.10. */
  ips: string[];
  /** Shown in the certificates and on each device's list of trusted authorities. */
  schoolName?: string;
}

export interface SchoolCertificateFiles {
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  /** True when a CA already in `dir` was reused. */
  reusedCa: boolean;
}

const ALGORITHM: EcKeyGenParams & EcdsaParams = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 24 * 3600 * 1000;
/** Ten years: a school should not have to visit every device again soon. */
const CA_DAYS = 3650;
/** iPadOS and macOS refuse server certificates valid longer than 825 days, even from a private CA. */
const SERVER_DAYS = 825;

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

function serial(): string {
  // Positive, 16 random bytes (the first bit cleared so it is not read as negative).
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0]! &= 0x7f;
  return Buffer.from(bytes).toString('hex');
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key as webcrypto.CryptoKey), 'PRIVATE KEY');
}

/** Written whole or not at all: a crash must not leave half a key. */
function writeAtomic(file: string, text: string, mode: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text, { mode });
  renameSync(temp, file);
}

async function loadCa(dir: string): Promise<{ cert: x509.X509Certificate; key: CryptoKey } | null> {
  const certFile = join(dir, 'ca.crt');
  const keyFile = join(dir, 'ca.key');
  if (!existsSync(certFile) || !existsSync(keyFile)) return null;
  const cert = new x509.X509Certificate(readFileSync(certFile, 'utf8'));
  const der = x509.PemConverter.decodeFirst(readFileSync(keyFile, 'utf8'));
  const key = (await webcrypto.subtle.importKey('pkcs8', der, ALGORITHM, true, ['sign'])) as unknown as CryptoKey;
  return { cert, key };
}

async function makeCa(schoolName: string): Promise<{ cert: x509.X509Certificate; key: CryptoKey }> {
  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `CN=${schoolName} Pathbook certificate authority, O=${schoolName}`,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + CA_DAYS * DAY),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, key: keys.privateKey };
}

export function validateNames(options: SchoolCertificateOptions): string[] {
  const problems: string[] = [];
  for (const host of options.hosts) {
    if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i.test(host)) problems.push(`"${host}" is not a host name`);
  }
  for (const ip of options.ips) if (isIP(ip) === 0) problems.push(`"${ip}" is not an IP address`);
  if (options.hosts.length + options.ips.length === 0) problems.push('give at least one --host or --ip');
  return problems;
}

export async function makeSchoolCertificates(dir: string, options: SchoolCertificateOptions): Promise<SchoolCertificateFiles> {
  const problems = validateNames(options);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const schoolName = (options.schoolName ?? 'School').replace(/[,=+<>#;"\\]/g, ' ').trim() || 'School';
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const existing = await loadCa(dir);
  const ca = existing ?? (await makeCa(schoolName));
  const files: SchoolCertificateFiles = {
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    serverCert: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
    reusedCa: existing !== null,
  };
  if (!existing) {
    writeAtomic(files.caKey, await privateKeyPem(ca.key), 0o600);
    writeAtomic(files.caCert, ca.cert.toString('pem') + '\n', 0o644);
  }

  const keys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
  const now = Date.now();
  const names = [...options.hosts.map((value) => ({ type: 'dns' as const, value })), ...options.ips.map((value) => ({ type: 'ip' as const, value }))];
  const server = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${options.hosts[0] ?? options.ips[0]}, O=${schoolName}`,
    issuer: ca.cert.subject,
    notBefore: new Date(now - DAY),
    notAfter: new Date(Math.min(now + SERVER_DAYS * DAY, ca.cert.notAfter.getTime())),
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: ca.key,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      new x509.SubjectAlternativeNameExtension(names, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.cert.publicKey),
    ],
  });
  // The key first: the relay reloads when the certificate changes and must find the matching key.
  writeAtomic(files.serverKey, await privateKeyPem(keys.privateKey), 0o600);
  writeAtomic(files.serverCert, server.toString('pem') + '\n', 0o644);
  return files;
}
