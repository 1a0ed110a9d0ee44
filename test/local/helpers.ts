import { vi } from 'vitest';
import { newId } from '../../src/core';
import { openDocDb, readRows, UPDATES_STORE } from '../../src/local/idb';

export function profileId(): string {
  return newId();
}

/** The raw rows of a document database, as another reader would see them. */
export async function rawRows(dbName: string): Promise<{ keys: number[]; values: unknown[] }> {
  const db = await openDocDb(dbName);
  try {
    return await readRows(db, 0);
  } finally {
    db.close();
  }
}

export async function putRawRow(dbName: string, value: unknown): Promise<void> {
  const db = await openDocDb(dbName);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(UPDATES_STORE, 'readwrite');
    tx.objectStore(UPDATES_STORE).add(value);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function overwriteRawRow(dbName: string, key: number, value: unknown): Promise<void> {
  const db = await openDocDb(dbName);
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(UPDATES_STORE, 'readwrite');
    tx.objectStore(UPDATES_STORE).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

/** vi.waitFor with a timeout a busy 2-core CI machine can meet (its default is 1 s). */
export function waitUntil<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 15_000, interval: 25 });
}
