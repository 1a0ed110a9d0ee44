import * as v from 'valibot';
import { isId, Language, newId } from '../core';
import { isUnstored, listDocEntries } from './bookkeeping';
import { localDb } from './db';
import { storesOf } from './doc-store';
import { databaseNames, deleteDatabase, docDbName, profilePrefix } from './idb';
import { announceRemoval } from './tab-bridge';
import type { DeviceProfile, UnsyncedSummary } from './types';

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]{4,40}$/));
const ProfileFields = v.object({
  role: v.picklist(['teacher', 'student']),
  displayName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(80)),
  language: Language,
  classIds: v.optional(v.array(Id), []),
  studentId: v.optional(v.nullable(Id), null),
  picture: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))), null),
  pinHash: v.optional(v.nullable(v.string()), null),
  lockKind: v.optional(v.nullable(v.picklist(['pin', 'pictures', 'password'])), null),
  relayUrl: v.optional(v.nullable(v.string()), null),
  token: v.optional(v.nullable(v.string()), null),
  sealedToken: v.optional(v.nullable(v.object({ iv: v.string(), data: v.string() })), null),
  wrongTries: v.optional(v.number(), 0),
  retryAt: v.optional(v.number(), 0),
  lastOpenedAt: v.optional(v.number()),
});

export type NewProfile = v.InferInput<typeof ProfileFields>;
export type ProfilePatch = Partial<Omit<DeviceProfile, 'id' | 'createdAt'>>;

/** Thrown for input that does not make a valid profile; nothing is written. */
export class InvalidProfileError extends Error {
  override name = 'InvalidProfileError';
}

function parseFields(input: unknown): v.InferOutput<typeof ProfileFields> {
  const parsed = v.safeParse(ProfileFields, input);
  if (!parsed.success) {
    throw new InvalidProfileError(parsed.issues.map((i) => `${v.getDotPath(i) ?? 'profile'}: ${i.message}`).join('; '));
  }
  // A locked profile's token is only ever written sealed (profile-lock.ts), never readable on disk.
  if (parsed.output.pinHash && parsed.output.token) throw new InvalidProfileError('a profile with a lock keeps its token sealed');
  return parsed.output;
}

export async function createProfile(input: NewProfile, now = Date.now()): Promise<DeviceProfile> {
  const fields = parseFields(input);
  const profile: DeviceProfile = { ...fields, id: newId(), createdAt: now, lastOpenedAt: fields.lastOpenedAt ?? now };
  await localDb().profiles.add(profile);
  return profile;
}

/** Every profile on this device, most recently opened first. */
export async function listProfiles(): Promise<DeviceProfile[]> {
  const all = await localDb().profiles.toArray();
  return all.sort((a, b) => b.lastOpenedAt - a.lastOpenedAt || a.displayName.localeCompare(b.displayName));
}

export function getProfile(id: string): Promise<DeviceProfile | undefined> {
  return localDb().profiles.get(id);
}

/** Changes some fields (validated like a new profile); throws when the profile does not exist. */
export async function updateProfile(id: string, patch: ProfilePatch): Promise<DeviceProfile> {
  const db = localDb();
  return db.transaction('rw', db.profiles, async () => {
    const current = await db.profiles.get(id);
    if (!current) throw new InvalidProfileError(`no profile ${id} on this device`);
    const { id: _id, createdAt, ...rest } = { ...current, ...patch };
    const next: DeviceProfile = { ...parseFields(rest), id: current.id, createdAt: current.createdAt, lastOpenedAt: rest.lastOpenedAt };
    await db.profiles.put(next);
    return next;
  });
}

/**
 * What this profile holds that the relay has not confirmed storing. The app refuses removal
 * unless `safeToRemove` (or the person explicitly accepts the loss).
 */
export async function unsyncedSummary(profileId: string): Promise<UnsyncedSummary> {
  await Promise.all(storesOf(profileId).map((store) => store.flush()));
  const entries = await listDocEntries(profileId);
  const pendingDocs = entries.filter((e) => e.pendingChanges > 0).map((e) => e.name);
  const unstoredDocs = entries.filter(isUnstored).map((e) => e.name);
  const unuploadedBlobs = await localDb()
    .blobs.where('profileId')
    .equals(profileId)
    .filter((b) => b.uploadedAt === null)
    .count();
  return {
    pendingDocs,
    unstoredDocs,
    unuploadedBlobs,
    safeToRemove: pendingDocs.length === 0 && unstoredDocs.length === 0 && unuploadedBlobs === 0,
  };
}

export class ProfileRemovalBlockedError extends Error {
  override name = 'ProfileRemovalBlockedError';
}

export interface RemovalReport {
  deletedDatabases: string[];
}

/**
 * Deletes everything of one profile from this device: its documents' databases, registry rows,
 * dashboard rows, photos and set-aside damaged updates, and nothing of any other profile.
 * Resolves only once IndexedDB has finished deleting. Documents open in this tab are closed
 * first and other tabs are told to close theirs; if another tab still holds one open after
 * `blockedTimeoutMs`, it rejects with ProfileRemovalBlockedError and the registry rows stay, so
 * the removal can be retried. It does not check that the relay has the data: see unsyncedSummary.
 */
export async function removeProfile(profileId: string, { blockedTimeoutMs = 15_000 } = {}): Promise<RemovalReport> {
  if (!isId(profileId)) throw new InvalidProfileError(`not a profile id: ${profileId}`);
  const db = localDb();
  await Promise.all(storesOf(profileId).map((store) => store.discard()));
  announceRemoval(profileId);

  const prefix = profilePrefix(profileId);
  const registered = (await listDocEntries(profileId)).map((e) => docDbName(profileId, e.name));
  const existing = ((await databaseNames()) ?? []).filter((name) => name.startsWith(prefix));
  const names = [...new Set([...registered, ...existing])];
  await Promise.all(names.map((name) => deleteWhenUnblocked(profileId, name, blockedTimeoutMs)));

  await db.transaction('rw', [db.profiles, db.docs, db.summaries, db.blobs, db.damaged], async () => {
    for (const table of [db.docs, db.summaries, db.blobs, db.damaged] as const) {
      await table.where('profileId').equals(profileId).delete();
    }
    await db.profiles.delete(profileId);
  });
  return { deletedDatabases: names };
}

function deleteWhenUnblocked(profileId: string, name: string, blockedTimeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onBlocked = () => {
      // Tabs that opened the profile after our first announcement get another chance to close it.
      announceRemoval(profileId);
      timer ??= setTimeout(() => {
        reject(new ProfileRemovalBlockedError(`another tab keeps ${name} open; close other Pathbook tabs and try again`));
      }, blockedTimeoutMs);
    };
    deleteDatabase(name, onBlocked).then(
      () => {
        if (timer) clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        if (timer) clearTimeout(timer);
        reject(error);
      },
    );
  });
}
