import { docName, type DocRef } from '../core';
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

/** Adds the document to the profile's registry unless it is there already (its counters are kept). */
export async function registerDoc(db: PathbookDb, profileId: string, ref: DocRef): Promise<void> {
  await db.transaction('rw', db.docs, async () => {
    const existing = await db.docs.get([profileId, docName(ref)]);
    if (!existing) await db.docs.add(newDocEntry(profileId, ref));
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

async function modifyEntry(profileId: string, name: string, change: (entry: DocEntry) => void): Promise<boolean> {
  const changed = await localDb().docs.where(':id').equals([profileId, name]).modify(change);
  return changed > 0;
}

/**
 * For the sync layer: the relay acknowledged this device's changes at `at`. `seenPending` is the
 * `pendingChanges` value read before that round (readDocEntry); only those are cleared, so an
 * edit counted meanwhile stays pending. Resolves false when the document is not registered.
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

/** Records whether the document was written by a newer Pathbook; 'no-permission' is left alone. */
export function setNewerSchema(db: PathbookDb, profileId: string, name: string, newer: boolean): Promise<number> {
  return db.docs
    .where(':id')
    .equals([profileId, name])
    .modify((entry) => {
      if (newer) entry.readOnlyReason = 'newer-schema';
      else if (entry.readOnlyReason === 'newer-schema') entry.readOnlyReason = null;
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
