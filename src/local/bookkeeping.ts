import { docName, parseDocName, type DocRef } from '../core';
import { localDb, type PathbookDb } from './db';
import type { DocEntry } from './types';

export function newDocEntry(profileId: string, ref: DocRef): DocEntry {
  return {
    profileId,
    name: docName(ref),
    kind: ref.kind,
    classId: ref.classId,
    studentId: ref.kind === 'plan' || ref.kind === 'coach' ? ref.studentId : null,
    lastLocalEditAt: null,
    pendingChanges: 0,
    lastSyncedAt: null,
    lastStoredAt: null,
    readOnlyReason: null,
  };
}

export interface Registration {
  ref: DocRef;
  newerSchema: boolean;
}

/**
 * Adds documents to the profile's registry unless there already (their counters are kept), and
 * records whether a newer Pathbook wrote them. One transaction for many: opening a class's 80
 * documents costs one registry write, not 80.
 */
export async function registerDocs(db: PathbookDb, profileId: string, docs: readonly Registration[]): Promise<void> {
  await db.transaction('rw', db.docs, async () => {
    const existing = await db.docs.bulkGet(docs.map(({ ref }) => [profileId, docName(ref)] as [string, string]));
    const changed: DocEntry[] = [];
    docs.forEach(({ ref, newerSchema }, i) => {
      const found = existing[i];
      const entry = found ?? newDocEntry(profileId, ref);
      const reason = newerSchema ? 'newer-schema' : entry.readOnlyReason === 'newer-schema' ? null : entry.readOnlyReason;
      if (!found || reason !== found.readOnlyReason) changed.push({ ...entry, readOnlyReason: reason });
    });
    if (changed.length > 0) await db.docs.bulkPut(changed);
  });
}

export interface LocalEdits {
  ref: DocRef;
  count: number;
  lastAt: number;
}

/** Counts local edits in one transaction; creates the entry if registering it failed or is still under way. */
export async function addLocalEdits(db: PathbookDb, profileId: string, edits: readonly LocalEdits[]): Promise<void> {
  await db.transaction('rw', db.docs, async () => {
    for (const { ref, count, lastAt } of edits) {
      const entry = (await db.docs.get([profileId, docName(ref)])) ?? newDocEntry(profileId, ref);
      entry.pendingChanges += count;
      entry.lastLocalEditAt = Math.max(entry.lastLocalEditAt ?? 0, lastAt);
      await db.docs.put(entry);
    }
  });
}

/** Changes an entry, creating it first when the document is not registered yet (registration is batched). */
async function modifyEntry(profileId: string, name: string, change: (entry: DocEntry) => void): Promise<boolean> {
  const ref = parseDocName(name);
  if (!ref) return false;
  const db = localDb();
  await db.transaction('rw', db.docs, async () => {
    const entry = (await db.docs.get([profileId, name])) ?? newDocEntry(profileId, ref);
    change(entry);
    await db.docs.put(entry);
  });
  return true;
}

/**
 * For the sync layer: the relay acknowledged this device's changes at `at`. `seenPending` is the
 * `pendingChanges` value read before that round (readDocEntry); only those are cleared, so an
 * edit counted meanwhile stays pending. Resolves false for a name that is not a document name.
 */
export function markSynced(profileId: string, name: string, at: number, seenPending: number): Promise<boolean> {
  return modifyEntry(profileId, name, (entry) => {
    entry.pendingChanges = Math.max(0, entry.pendingChanges - Math.max(0, seenPending));
    entry.lastSyncedAt = Math.max(entry.lastSyncedAt ?? 0, at);
  });
}

/**
 * For the sync layer: the relay confirmed it wrote to its disk everything this device had up to
 * the moment `at` (local edits made after `at` still count as not stored).
 */
export function markStored(profileId: string, name: string, at: number): Promise<boolean> {
  return modifyEntry(profileId, name, (entry) => {
    entry.lastStoredAt = Math.max(entry.lastStoredAt ?? 0, at);
  });
}

/** For the sync layer: the relay refused writes ('no-permission'), or null once it accepts them again. */
export function setNoPermission(profileId: string, name: string, refused: boolean): Promise<boolean> {
  return modifyEntry(profileId, name, (entry) => {
    if (refused) entry.readOnlyReason = entry.readOnlyReason ?? 'no-permission';
    else if (entry.readOnlyReason === 'no-permission') entry.readOnlyReason = null;
  });
}

export function readDocEntry(profileId: string, name: string): Promise<DocEntry | undefined> {
  return localDb().docs.get([profileId, name]);
}

export function listDocEntries(profileId: string): Promise<DocEntry[]> {
  return localDb().docs.where('profileId').equals(profileId).toArray();
}

/** A document still needs the relay when it has unacknowledged edits or the relay never confirmed storing its latest edit. */
export function isUnstored(entry: DocEntry): boolean {
  return entry.lastStoredAt === null || (entry.lastLocalEditAt ?? 0) > entry.lastStoredAt;
}
