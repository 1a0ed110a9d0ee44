import Dexie, { type Table } from 'dexie';
import type { BlobRow, DamagedUpdateRow, DeviceProfile, DocEntry, SummaryRow } from './types';

/**
 * The device's registry (Dexie database `pathbook`): profiles, the documents each profile holds
 * with their sync bookkeeping, the dashboard's query index, photos, and damaged updates set aside.
 * The documents themselves live in their own IndexedDB databases (see update-log.ts).
 */
export class PathbookDb extends Dexie {
  profiles!: Table<DeviceProfile, string>;
  docs!: Table<DocEntry, [string, string]>;
  summaries!: Table<SummaryRow, [string, string, string]>;
  blobs!: Table<BlobRow, [string, string]>;
  damaged!: Table<DamagedUpdateRow, number>;

  constructor(name = 'pathbook') {
    // The factory is taken from the global at construction so tests can install fake-indexeddb first.
    const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    super(name, idb ? { indexedDB: idb, IDBKeyRange: globalThis.IDBKeyRange } : {});
    this.version(1).stores({
      profiles: 'id, lastOpenedAt',
      docs: '[profileId+name], profileId, [profileId+classId]',
      summaries: '[profileId+classId+studentId], [profileId+classId], profileId',
      blobs: '[profileId+hash], hash, profileId',
      damaged: '++id, [profileId+docName], profileId',
    });
  }
}

/** The one registry database of this page (created when this module is first imported). */
export const db = new PathbookDb();

export function localDb(): PathbookDb {
  return db;
}
