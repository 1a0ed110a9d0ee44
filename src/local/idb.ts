import type { StorageErrorKind } from './types';

/** The object stores of a document database: the same layout y-indexeddb uses, so either can read the other's data. */
export const UPDATES_STORE = 'updates';
export const CUSTOM_STORE = 'custom';

/** One IndexedDB database per document, namespaced by profile so a profile can be removed alone. */
export function docDbName(profileId: string, docName: string): string {
  return `${profilePrefix(profileId)}${docName}`;
}

export function profilePrefix(profileId: string): string {
  return `pathbook:${profileId}:`;
}

export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

function factory(): IDBFactory {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) throw new StorageUnavailableError('IndexedDB is not available on this device or in this mode');
  return idb;
}

export function openDocDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory().open(name);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(UPDATES_STORE)) db.createObjectStore(UPDATES_STORE, { autoIncrement: true });
      if (!db.objectStoreNames.contains(CUSTOM_STORE)) db.createObjectStore(CUSTOM_STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new StorageUnavailableError(`could not open ${name}`));
  });
}

export interface StoredRows {
  keys: number[];
  values: unknown[];
}

/** Every row of the updates store with a key above `after`, read in one transaction so keys and values match. */
export function readRows(db: IDBDatabase, after: number): Promise<StoredRows> {
  return readRowsAndCustom(db, after, null).then(({ keys, values }) => ({ keys, values }));
}

/** The rows, and in the same transaction one value of the custom store (undefined when absent). */
export function readRowsAndCustom(db: IDBDatabase, after: number, customKey: string | null): Promise<StoredRows & { custom: unknown }> {
  return new Promise((resolve, reject) => {
    const withCustom = customKey !== null && db.objectStoreNames.contains(CUSTOM_STORE);
    const tx = db.transaction(withCustom ? [UPDATES_STORE, CUSTOM_STORE] : [UPDATES_STORE], 'readonly');
    const store = tx.objectStore(UPDATES_STORE);
    const range = IDBKeyRange.lowerBound(after, true);
    const keys = store.getAllKeys(range);
    const values = store.getAll(range);
    const custom = withCustom ? tx.objectStore(CUSTOM_STORE).get(customKey) : null;
    tx.oncomplete = () => resolve({ keys: keys.result as number[], values: values.result, custom: custom?.result });
    tx.onabort = () => reject(tx.error ?? new Error('reading stored updates was aborted'));
  });
}

/**
 * Deletes a database and resolves only once it is gone. `onBlocked` runs when another
 * connection (usually another tab) holds it open; the deletion then waits for that connection.
 */
export function deleteDatabase(name: string, onBlocked: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory().deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    request.onblocked = () => onBlocked();
  });
}

/** Names of every database of this origin, or null where the browser cannot list them (older Firefox). */
export async function databaseNames(): Promise<string[] | null> {
  try {
    const idb = factory();
    if (typeof idb.databases !== 'function') return null;
    const list = await idb.databases();
    return list.flatMap((d) => (d.name ? [d.name] : []));
  } catch {
    return null;
  }
}

/** Maps the many ways browsers report storage trouble onto the three the app explains to people. */
export function storageErrorKind(error: unknown): StorageErrorKind {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || /quota/i.test(message)) return 'quota';
  if (
    name === 'StorageUnavailableError' ||
    name === 'InvalidStateError' ||
    name === 'SecurityError' ||
    name === 'UnknownError' ||
    name === 'MissingAPIError' ||
    name === 'DatabaseClosedError'
  ) {
    return 'unavailable';
  }
  return 'unknown';
}
