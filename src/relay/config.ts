import { resolve } from 'node:path';
import { DEFAULT_HASH_COST } from './passwords';

/** Attempts allowed per fixed window before a key is refused (HTTP 429). */
export interface AttemptLimit {
  max: number;
  windowSeconds: number;
}

export interface RateLimits {
  /** Wrong passwords for one account from one device (the only limit on a device that signed in to it before). */
  passwordPerAccountDevice: AttemptLimit;
  /** Wrong passwords for one account from devices that never signed in to it (a stranger cannot lock out its known devices). */
  passwordPerAccount: AttemptLimit;
  /** Wrong passwords from one device id, whatever account it tries. */
  passwordPerDevice: AttemptLimit;
  /** Wrong passwords from new devices, all accounts together: the relay-wide budget for guessing. */
  passwordPerRelay: AttemptLimit;
  /** New accounts, relay-wide. */
  signUpPerRelay: AttemptLimit;
  /** Failed join-code lookups and joins from one device id. */
  joinPerDevice: AttemptLimit;
  /** Failed typed-code lookups from devices new to this relay, all codes together (QR links are not counted). */
  joinPerRelay: AttemptLimit;
}

/** What a caller may set; everything has a safe default (see `resolveConfig`). */
export interface RelayOptions {
  dataDir?: string;
  port?: number;
  host?: string;
  /** Origin used in join and family links (e.g. https://pathbook.school.org); default: the request's Host. */
  publicUrl?: string | null;
  /** Largest WebSocket message accepted (ws maxPayload). */
  maxMessageBytes?: number;
  studentTokenDays?: number;
  teacherTokenDays?: number;
  /** How long the relay waits after an edit before writing the document to disk. */
  saveDebounceMs?: number;
  saveMaxDebounceMs?: number;
  /** Sync sockets that have not authenticated a document yet; past it the oldest is closed. */
  maxUnauthenticatedSockets?: number;
  /** Bytes one such socket may send before it authenticates a document. */
  maxUnauthenticatedSocketBytes?: number;
  /** Bytes all such sockets together may hold; past it the one holding most is closed. */
  maxUnauthenticatedTotalBytes?: number;
  /** Time a sync socket gets to authenticate its first document. */
  unauthenticatedTimeoutMs?: number;
  /** Deepest shared type a document may hold; Pathbook's own records go 3 deep. */
  maxNestingDepth?: number;
  /** Largest a document may grow to (its encoded Yjs state). */
  maxDocumentBytes?: number;
  /** Photos kept per student and per class, and their bytes. */
  maxPhotosPerStudent?: number;
  maxPhotoBytesPerStudent?: number;
  maxPhotosPerClass?: number;
  maxPhotoBytesPerClass?: number;
  /** Error and warning lines the relay process writes a minute at most (each one line). */
  logLinesPerMinute?: number;
  /** Built app to serve (Vite output). */
  distDir?: string;
  limits?: Partial<RateLimits>;
  /** scrypt cost as log2(N) for new password hashes (default 15; tests lower it). */
  passwordHashCost?: number;
  /** Password hashes run at once (of libuv's 4 threads, which also serve files and photos). */
  hashConcurrency?: number;
  /** Sign-ins that may wait for a hash; more are refused with 429 at once. */
  hashQueueLength?: number;
  /** Classes one teacher account may connect. */
  classesPerTeacher?: number;
  /** Devices waiting for a teacher's approval to join, per class; more are refused with 429. */
  pendingJoinsPerClass?: number;
  /** Suppress the startup line and refusal logs (tests). */
  quiet?: boolean;
  /** PEM certificate (chain) and key: with both, the relay serves HTTPS itself (reloaded when the files change). */
  tlsCert?: string | null;
  tlsKey?: string | null;
  /** The school CA certificate offered at /trust (default: ca.crt beside tlsCert, if there). */
  tlsCa?: string | null;
  /** With HTTPS: a plain-HTTP port that serves /trust and redirects everything else to https. */
  httpPort?: number | null;
}

type NullableOptions = 'publicUrl' | 'tlsCert' | 'tlsKey' | 'tlsCa' | 'httpPort';

export type RelayConfig = Required<Omit<RelayOptions, 'limits' | NullableOptions>> & {
  publicUrl: string | null;
  tlsCert: string | null;
  tlsKey: string | null;
  tlsCa: string | null;
  httpPort: number | null;
  limits: RateLimits;
};

/** 2 MiB: a month of offline work is far below it (see README, "Message size"). */
export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

/**
 * Before its first document is authenticated (a few ms) a device sends, per document it opens, its
 * token (~400 B) and its state vector (1.4 KB after a year); the app opens 25 documents at a time,
 * ~50 KB. 256 KiB per socket, 1,000 sockets waiting at once, 64 MiB in all and 30 s are far above
 * that. The per-socket figure bounds a flood best: the relay's memory follows what the flooding
 * sockets send in all (400 sockets: 203 MB peak at 256 KiB, 362 MB at 1 MiB; 1.8 GB unbounded).
 */
export const DEFAULT_PRE_AUTH = {
  maxUnauthenticatedSockets: 1_000,
  maxUnauthenticatedSocketBytes: 256 * 1024,
  maxUnauthenticatedTotalBytes: 64 * 1024 * 1024,
  unauthenticatedTimeoutMs: 30_000,
} as const;

/**
 * Pathbook's records nest 3 deep (root map, record, Y.Text); 16 leaves room for any future shape.
 * A school year of one student's plan is ~89 KB: 8 MiB is decades of it, and saving a document
 * that size still takes a fraction of a second (48 MiB stalled the relay 1.2-1.7 s per save).
 */
export const DEFAULT_DOCUMENT_LIMITS = { maxNestingDepth: 16, maxDocumentBytes: 8 * 1024 * 1024 } as const;

/**
 * A student adding a photo of their work every school day for four years keeps ~800 photos of
 * at most 400 KB (the device shrinks them to ~300 KB); a class of 40 such students ~32,000.
 */
export const DEFAULT_PHOTO_LIMITS = {
  maxPhotosPerStudent: 2_000,
  maxPhotoBytesPerStudent: 500 * 1024 * 1024,
  maxPhotosPerClass: 40_000,
  maxPhotoBytesPerClass: 8 * 1024 * 1024 * 1024,
} as const;

export const DEFAULT_LIMITS: RateLimits = {
  passwordPerAccountDevice: { max: 10, windowSeconds: 15 * 60 },
  passwordPerAccount: { max: 10, windowSeconds: 15 * 60 },
  passwordPerDevice: { max: 20, windowSeconds: 15 * 60 },
  passwordPerRelay: { max: 100, windowSeconds: 5 * 60 },
  signUpPerRelay: { max: 30, windowSeconds: 15 * 60 },
  joinPerDevice: { max: 10, windowSeconds: 10 * 60 },
  // 12 per 10 minutes: any hour overlaps at most 7 windows, so fewer than 85 guesses an hour get through.
  joinPerRelay: { max: 12, windowSeconds: 10 * 60 },
};


export function resolveConfig(options: RelayOptions = {}): RelayConfig {
  return {
    dataDir: resolve(options.dataDir ?? './data'),
    port: options.port ?? 8080,
    host: options.host ?? '127.0.0.1',
    publicUrl: options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : null,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    studentTokenDays: options.studentTokenDays ?? 30,
    teacherTokenDays: options.teacherTokenDays ?? 7,
    maxUnauthenticatedSockets: options.maxUnauthenticatedSockets ?? DEFAULT_PRE_AUTH.maxUnauthenticatedSockets,
    maxUnauthenticatedSocketBytes: options.maxUnauthenticatedSocketBytes ?? DEFAULT_PRE_AUTH.maxUnauthenticatedSocketBytes,
    maxUnauthenticatedTotalBytes: options.maxUnauthenticatedTotalBytes ?? DEFAULT_PRE_AUTH.maxUnauthenticatedTotalBytes,
    unauthenticatedTimeoutMs: options.unauthenticatedTimeoutMs ?? DEFAULT_PRE_AUTH.unauthenticatedTimeoutMs,
    maxNestingDepth: options.maxNestingDepth ?? DEFAULT_DOCUMENT_LIMITS.maxNestingDepth,
    maxDocumentBytes: options.maxDocumentBytes ?? DEFAULT_DOCUMENT_LIMITS.maxDocumentBytes,
    maxPhotosPerStudent: options.maxPhotosPerStudent ?? DEFAULT_PHOTO_LIMITS.maxPhotosPerStudent,
    maxPhotoBytesPerStudent: options.maxPhotoBytesPerStudent ?? DEFAULT_PHOTO_LIMITS.maxPhotoBytesPerStudent,
    maxPhotosPerClass: options.maxPhotosPerClass ?? DEFAULT_PHOTO_LIMITS.maxPhotosPerClass,
    maxPhotoBytesPerClass: options.maxPhotoBytesPerClass ?? DEFAULT_PHOTO_LIMITS.maxPhotoBytesPerClass,
    logLinesPerMinute: options.logLinesPerMinute ?? 120,
    saveDebounceMs: options.saveDebounceMs ?? 2_000,
    saveMaxDebounceMs: options.saveMaxDebounceMs ?? 10_000,
    distDir: resolve(options.distDir ?? './dist'),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    passwordHashCost: options.passwordHashCost ?? DEFAULT_HASH_COST,
    hashConcurrency: Math.max(1, options.hashConcurrency ?? 2),
    hashQueueLength: options.hashQueueLength ?? 8,
    classesPerTeacher: options.classesPerTeacher ?? 50,
    pendingJoinsPerClass: options.pendingJoinsPerClass ?? 40,
    quiet: options.quiet ?? false,
    ...resolveTls(options),
  };
}

function resolveTls(options: RelayOptions): Pick<RelayConfig, 'tlsCert' | 'tlsKey' | 'tlsCa' | 'httpPort'> {
  const tlsCert = options.tlsCert ? resolve(options.tlsCert) : null;
  const tlsKey = options.tlsKey ? resolve(options.tlsKey) : null;
  if ((tlsCert === null) !== (tlsKey === null)) throw new ConfigError('Set both PATHBOOK_TLS_CERT and PATHBOOK_TLS_KEY, or neither.');
  const httpPort = options.httpPort ?? null;
  if (httpPort !== null && tlsCert === null) throw new ConfigError('PATHBOOK_HTTP_PORT only redirects to HTTPS: set PATHBOOK_TLS_CERT and PATHBOOK_TLS_KEY too.');
  return { tlsCert, tlsKey, tlsCa: options.tlsCa ? resolve(options.tlsCa) : null, httpPort };
}

interface EnvVar {
  name: string;
  option: keyof RelayOptions;
  kind: 'string' | 'integer' | 'number';
  help: string;
}

/** Every environment variable the relay reads; `--help` prints this list. */
export const ENV_VARS: readonly EnvVar[] = [
  { name: 'PATHBOOK_DATA_DIR', option: 'dataDir', kind: 'string', help: 'Where the database and signing key live (default ./data).' },
  { name: 'PORT', option: 'port', kind: 'integer', help: 'Port for the app, the API and sync (default 8080; 0 picks a free one).' },
  { name: 'HOST', option: 'host', kind: 'string', help: 'Address to listen on (default 127.0.0.1; set 0.0.0.0 to serve a school network).' },
  { name: 'PATHBOOK_PUBLIC_URL', option: 'publicUrl', kind: 'string', help: 'Origin put in join and family links, e.g. https://pathbook.example.org (default: the Host the request came to).' },
  { name: 'PATHBOOK_MAX_MESSAGE_BYTES', option: 'maxMessageBytes', kind: 'integer', help: `Largest sync message accepted (default ${DEFAULT_MAX_MESSAGE_BYTES}).` },
  { name: 'PATHBOOK_MAX_UNAUTHENTICATED_SOCKETS', option: 'maxUnauthenticatedSockets', kind: 'integer', help: `Sync sockets waiting to authenticate at once; past it the oldest is closed (default ${DEFAULT_PRE_AUTH.maxUnauthenticatedSockets}).` },
  { name: 'PATHBOOK_MAX_UNAUTHENTICATED_SOCKET_BYTES', option: 'maxUnauthenticatedSocketBytes', kind: 'integer', help: `Bytes a sync socket may send before it authenticates (default ${DEFAULT_PRE_AUTH.maxUnauthenticatedSocketBytes}).` },
  { name: 'PATHBOOK_MAX_UNAUTHENTICATED_TOTAL_BYTES', option: 'maxUnauthenticatedTotalBytes', kind: 'integer', help: `Bytes all unauthenticated sync sockets may hold together (default ${DEFAULT_PRE_AUTH.maxUnauthenticatedTotalBytes}).` },
  { name: 'PATHBOOK_UNAUTHENTICATED_TIMEOUT_MS', option: 'unauthenticatedTimeoutMs', kind: 'integer', help: `Time a sync socket gets to authenticate a document (default ${DEFAULT_PRE_AUTH.unauthenticatedTimeoutMs}).` },
  { name: 'PATHBOOK_MAX_NESTING_DEPTH', option: 'maxNestingDepth', kind: 'integer', help: `Deepest nesting of shared types in a document; deeper updates are refused (default ${DEFAULT_DOCUMENT_LIMITS.maxNestingDepth}).` },
  { name: 'PATHBOOK_MAX_DOCUMENT_BYTES', option: 'maxDocumentBytes', kind: 'integer', help: `Largest a document may grow; updates past it are refused (default ${DEFAULT_DOCUMENT_LIMITS.maxDocumentBytes}).` },
  { name: 'PATHBOOK_MAX_PHOTOS_PER_STUDENT', option: 'maxPhotosPerStudent', kind: 'integer', help: `Photos the relay keeps per student (default ${DEFAULT_PHOTO_LIMITS.maxPhotosPerStudent}).` },
  { name: 'PATHBOOK_MAX_PHOTO_BYTES_PER_STUDENT', option: 'maxPhotoBytesPerStudent', kind: 'integer', help: `Bytes of photos kept per student (default ${DEFAULT_PHOTO_LIMITS.maxPhotoBytesPerStudent}).` },
  { name: 'PATHBOOK_MAX_PHOTOS_PER_CLASS', option: 'maxPhotosPerClass', kind: 'integer', help: `Photos the relay keeps per class (default ${DEFAULT_PHOTO_LIMITS.maxPhotosPerClass}).` },
  { name: 'PATHBOOK_MAX_PHOTO_BYTES_PER_CLASS', option: 'maxPhotoBytesPerClass', kind: 'integer', help: `Bytes of photos kept per class (default ${DEFAULT_PHOTO_LIMITS.maxPhotoBytesPerClass}).` },
  { name: 'PATHBOOK_LOG_LINES_PER_MINUTE', option: 'logLinesPerMinute', kind: 'integer', help: 'Error and warning lines written a minute at most, one line each (default 120); a flood of bad traffic cannot fill the disk.' },
  { name: 'PATHBOOK_STUDENT_TOKEN_DAYS', option: 'studentTokenDays', kind: 'number', help: 'Lifetime of a student device token (default 30); renewed while online.' },
  { name: 'PATHBOOK_TEACHER_TOKEN_DAYS', option: 'teacherTokenDays', kind: 'number', help: 'Lifetime of a teacher token (default 7); renewed while online.' },
  { name: 'PATHBOOK_SAVE_DEBOUNCE_MS', option: 'saveDebounceMs', kind: 'integer', help: 'Wait after an edit before writing a document to disk (default 2000).' },
  { name: 'PATHBOOK_SAVE_MAX_DEBOUNCE_MS', option: 'saveMaxDebounceMs', kind: 'integer', help: 'Longest a busy document waits before it is written anyway (default 10000).' },
  { name: 'PATHBOOK_TLS_CERT', option: 'tlsCert', kind: 'string', help: 'PEM certificate (chain): the relay serves HTTPS itself (reloaded when the file changes). `npm run make-certificate` makes one.' },
  { name: 'PATHBOOK_TLS_KEY', option: 'tlsKey', kind: 'string', help: 'PEM private key of PATHBOOK_TLS_CERT.' },
  { name: 'PATHBOOK_TLS_CA', option: 'tlsCa', kind: 'string', help: 'School CA certificate offered to devices at /trust (default: ca.crt beside PATHBOOK_TLS_CERT).' },
  { name: 'PATHBOOK_HTTP_PORT', option: 'httpPort', kind: 'integer', help: 'With HTTPS: plain-HTTP port that serves /trust and redirects everything else to https (e.g. 80).' },
  { name: 'PATHBOOK_PASSWORD_HASH_COST', option: 'passwordHashCost', kind: 'integer', help: `scrypt cost log2(N) for new password hashes (default ${DEFAULT_HASH_COST}; 10-20).` },
  { name: 'PATHBOOK_HASH_CONCURRENCY', option: 'hashConcurrency', kind: 'integer', help: 'Password hashes run at once (default 2; the rest of the thread pool serves files and photos).' },
  { name: 'PATHBOOK_HASH_QUEUE', option: 'hashQueueLength', kind: 'integer', help: 'Sign-ins that may wait for a hash before more are refused with 429 (default 8).' },
  { name: 'PATHBOOK_CLASSES_PER_TEACHER', option: 'classesPerTeacher', kind: 'integer', help: 'Classes one teacher account may connect (default 50).' },
  { name: 'PATHBOOK_PENDING_JOINS_PER_CLASS', option: 'pendingJoinsPerClass', kind: 'integer', help: 'Devices waiting for a teacher to approve them, per class (default 40).' },
  { name: 'PATHBOOK_DIST_DIR', option: 'distDir', kind: 'string', help: 'The built app to serve (default ./dist; run `npm run build`).' },
];

/** `passwordPerAccount` → `PATHBOOK_LIMIT_PASSWORD_PER_ACCOUNT`; the value is `max/seconds`, e.g. `10/900`. */
export function limitEnvName(limit: keyof RateLimits): string {
  return `PATHBOOK_LIMIT_${limit.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

export class ConfigError extends Error {}

/** Reads the environment; a value that is set but unusable is an error, never silently replaced. */
export function optionsFromEnv(env: NodeJS.ProcessEnv): RelayOptions {
  const options: Record<string, unknown> = {};
  for (const v of ENV_VARS) {
    const raw = env[v.name]?.trim();
    if (raw === undefined || raw === '') continue;
    if (v.kind === 'string') {
      options[v.option] = raw;
      continue;
    }
    const value = Number(raw);
    const ok = Number.isFinite(value) && value >= 0 && (v.kind === 'number' || Number.isInteger(value));
    const outOfRange =
      ((v.option === 'port' || v.option === 'httpPort') && value > 65535) || (v.option === 'passwordHashCost' && (value < 10 || value > 20));
    if (!ok || outOfRange) {
      throw new ConfigError(`${v.name}=${raw} is not a valid ${v.kind === 'integer' ? 'whole number' : 'number'}.`);
    }
    options[v.option] = value;
  }
  const limits: Partial<RateLimits> = {};
  for (const name of Object.keys(DEFAULT_LIMITS) as (keyof RateLimits)[]) {
    const raw = env[limitEnvName(name)]?.trim();
    if (!raw) continue;
    const match = /^(\d+)\/(\d+)$/.exec(raw);
    if (!match || Number(match[2]) === 0) throw new ConfigError(`${limitEnvName(name)}=${raw} is not "max/seconds" (e.g. 10/900).`);
    limits[name] = { max: Number(match[1]), windowSeconds: Number(match[2]) };
  }
  if (Object.keys(limits).length) options.limits = limits;
  return options as RelayOptions;
}

export function helpText(): string {
  const width = Math.max(...ENV_VARS.map((v) => v.name.length));
  const lines = ENV_VARS.map((v) => `  ${v.name.padEnd(width)}  ${v.help}`);
  const limitLines = (Object.entries(DEFAULT_LIMITS) as [keyof RateLimits, AttemptLimit][]).map(
    ([name, l]) => `  ${limitEnvName(name)}=max/seconds  (default ${l.max}/${l.windowSeconds})`,
  );
  return [
    'Pathbook relay: serves the app, the sync WebSocket (/sync) and the JSON API (/api).',
    '',
    'Usage: tsx src/relay/main.ts [--help]',
    '',
    'Environment variables:',
    ...lines,
    '',
    'Attempt limits (see the README for what each counts):',
    ...limitLines,
    '',
    'The token signing key is created on first start in the data directory (secret.key, mode 600).',
  ].join('\n');
}
