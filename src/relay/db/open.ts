import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { ownerOnlyFile, restrictToOwner } from '../owner-only';

export type Db = Database.Database;

/**
 * One SQLite file for documents and accounts, readable by the relay's user only. WAL with synchronous=NORMAL: a commit survives a
 * crash of the relay process (the WAL is written before the call returns); only a power cut can
 * lose the last transactions, and devices still hold those edits and re-send them.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    // Created owner-only before SQLite opens it: SQLite gives its -wal and -shm files the same mode.
    ownerOnlyFile(file);
    restrictToOwner(`${file}-wal`, 0o600);
    restrictToOwner(`${file}-shm`, 0o600);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  const newest = MIGRATIONS.at(-1)?.version ?? 0;
  if (current > newest) {
    throw new Error(`The database was written by a newer relay (schema ${current} > ${newest}); update Pathbook.`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, Date.now());
    })();
  }
}
