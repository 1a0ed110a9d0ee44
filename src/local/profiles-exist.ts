/**
 * Whether any person is on this device, asked of IndexedDB directly (no Dexie), so the first
 * screen's small script can decide between the welcome screen and the profile picker without
 * downloading the storage layer. Never creates the registry: a new database is aborted unborn.
 * When IndexedDB cannot answer, says "yes" so the full app (which reports storage problems) opens.
 */
export function deviceHasProfiles(name = 'pathbook'): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(true);
    let unborn = false;
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      return resolve(true);
    }
    request.onupgradeneeded = () => {
      unborn = true;
      request.transaction?.abort();
    };
    request.onerror = () => resolve(!unborn);
    request.onblocked = () => resolve(true);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('profiles')) {
        db.close();
        return resolve(false);
      }
      try {
        const count = db.transaction('profiles', 'readonly').objectStore('profiles').count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result > 0);
        };
        count.onerror = () => {
          db.close();
          resolve(true);
        };
      } catch {
        db.close();
        resolve(true);
      }
    };
  });
}
