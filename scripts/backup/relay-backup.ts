import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/**
 * One backup file for a school relay: SQLite's online backup of pathbook.sqlite (consistent while
 * the relay runs and writes; better-sqlite3's db.backup copies page by page between writes) with
 * the token signing key (secret.key) added in a table of its own, so a restore brings devices back
 * signed in. The file holds the key: it is written readable only by its owner.
 */
const DB_FILE = 'pathbook.sqlite';
const KEY_FILE = 'secret.key';
const KEY_TABLE = 'pathbook_backup_secret';

export interface BackupResult {
  file: string;
  bytes: number;
  documents: number;
}

function count(db: Database.Database, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

export async function backupRelay(dataDir: string, file: string): Promise<BackupResult> {
  const source = join(resolve(dataDir), DB_FILE);
  const keyFile = join(resolve(dataDir), KEY_FILE);
  if (!existsSync(source)) throw new Error(`No relay database at ${source}: set PATHBOOK_DATA_DIR to the relay's data directory.`);
  if (!existsSync(keyFile)) throw new Error(`No signing key at ${keyFile}.`);
  const target = resolve(file);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial);
  } finally {
    db.close();
  }
  chmodSync(partial, 0o600);
  const copy = new Database(partial);
  let documents: number;
  try {
    copy.exec(`CREATE TABLE ${KEY_TABLE} (name TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    copy.prepare(`INSERT INTO ${KEY_TABLE} (name, value) VALUES (?, ?)`).run(KEY_FILE, readFileSync(keyFile, 'utf8'));
    documents = count(copy, 'documents');
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  // Only a whole backup takes the name: an interrupted one never looks like a good file.
  renameSync(partial, target);
  return { file: target, bytes: readFileSync(target).byteLength, documents };
}

export interface RestoreResult {
  dataDir: string;
  documents: number;
  /** Where the data that was there before went (never deleted), or null. */
  movedAside: string | null;
}

/** Restores a backup into a data directory. Stop the relay first; what was there is moved aside, not deleted. */
export async function restoreRelay(file: string, dataDir: string): Promise<RestoreResult> {
  const source = resolve(file);
  if (!existsSync(source)) throw new Error(`No backup file at ${source}.`);
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  let key: string;
  try {
    const check = backup.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${source} is damaged (${String(check)}).`);
    const row = backup.prepare(`SELECT value FROM ${KEY_TABLE} WHERE name = ?`).get(KEY_FILE) as { value: string } | undefined;
    if (!row) throw new Error(`${source} is not a Pathbook backup (no signing key in it).`);
    key = row.value;
  } catch (error) {
    backup.close();
    if (error instanceof Error && /no such table/.test(error.message)) throw new Error(`${source} is not a Pathbook backup (no signing key in it).`);
    throw error;
  }

  const dir = resolve(dataDir);
  const target = join(dir, DB_FILE);
  let movedAside: string | null = null;
  if (existsSync(target) || existsSync(join(dir, KEY_FILE))) {
    movedAside = join(dir, `before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(movedAside, { recursive: true, mode: 0o700 });
    for (const name of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, KEY_FILE]) {
      if (existsSync(join(dir, name))) renameSync(join(dir, name), join(movedAside, name));
    }
  } else {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    await backup.backup(partial);
  } finally {
    backup.close();
  }
  const restored = new Database(partial);
  let documents: number;
  try {
    restored.exec(`DROP TABLE ${KEY_TABLE}`);
    documents = count(restored, 'documents');
  } finally {
    restored.close();
  }
  const keyPartial = join(dir, `${KEY_FILE}.partial`);
  writeFileSync(keyPartial, key, { mode: 0o600 });
  renameSync(keyPartial, join(dir, KEY_FILE));
  renameSync(partial, target);
  return { dataDir: dir, documents, movedAside };
}
