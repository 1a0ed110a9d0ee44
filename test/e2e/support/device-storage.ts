import type { Page } from 'playwright-core';

/**
 * Which of these strings a person with the device in hand could read from its storage: every
 * IndexedDB database of the origin, every object store, every value (strings as they are, bytes
 * as Latin-1 text, objects walked field by field), and localStorage. Read raw, not through the app.
 */
export async function readableOnDevice(page: Page, needles: string[]): Promise<string[]> {
  return page.evaluate(async (needles) => {
    const texts: string[] = [];
    const walk = (value: unknown, depth: number): void => {
      if (depth > 8 || value === null || value === undefined) return;
      if (typeof value === 'string') texts.push(value);
      else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        let text = '';
        for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        texts.push(text);
      } else if (typeof value === 'object') {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          texts.push(k);
          walk(v, depth + 1);
        }
      }
    };
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const tx = db.transaction(store, 'readonly');
          const all = tx.objectStore(store).getAll();
          tx.oncomplete = () => resolve(all.result);
          tx.onabort = () => reject(tx.error);
        });
        walk(rows, 0);
      }
      db.close();
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      texts.push(key, localStorage.getItem(key) ?? '');
    }
    return needles.filter((needle) => texts.some((text) => text.includes(needle)));
  }, needles);
}

/** A profile row of the device's registry, read raw. */
export async function rawProfiles(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('pathbook');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<Record<string, unknown>[]>((resolve) => {
      const tx = db.transaction('profiles', 'readonly');
      const all = tx.objectStore('profiles').getAll();
      tx.oncomplete = () => resolve(all.result);
    });
    db.close();
    return rows;
  });
}

/**
 * Whether this browser profile has a colour-emoji font: a fox emoji drawn on a canvas comes out in
 * colour only with one (without, it is a monochrome box or nothing).
 */
export async function hasColourEmojiFont(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const g = canvas.getContext('2d')!;
    g.font = '48px sans-serif';
    g.textBaseline = 'top';
    g.fillStyle = '#000';
    g.fillText('\u{1F98A}\u{1F422}', 0, 0);
    const data = g.getImageData(0, 0, 64, 64).data;
    for (let i = 0; i < data.length; i += 4) {
      const [r, gr, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a > 0 && Math.max(r, gr, b) - Math.min(r, gr, b) > 40) return true;
    }
    return false;
  });
}
