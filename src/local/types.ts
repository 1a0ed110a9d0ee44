import type * as Y from 'yjs';
import type { DocRef, Language, ReadIssue, StudentSummary, WriteAccess } from '../core';

/** A person who uses this device. Several may share one device; each has their own documents. */
export interface DeviceProfile {
  id: string;
  role: 'teacher' | 'student';
  displayName: string;
  language: Language;
  /** The class this profile belongs to (a teacher profile may later hold several). */
  classIds: string[];
  /** For a student profile: which roster entry this is. */
  studentId: string | null;
  /** Picture choice that opens a shared-device profile (index into the app's picture set). */
  picture: number | null;
  /**
   * The profile's lock: a salted PBKDF2 hash of its secret (a student's 4-digit PIN, a teacher's PIN or
   * password), or null when it opens with a tap. See profile-lock.ts.
   */
  pinHash: string | null;
  /** How the lock is opened: a student's PIN (the default) or secret pictures, a teacher's PIN or password. */
  lockKind?: LockKind | null;
  /** The relay token, encrypted with a key derived from the secret, when the profile has a lock (then `token` is null on disk). */
  sealedToken?: SealedToken | null;
  /** Wrong secrets in a row, and when the next try is allowed (ms): kept on disk so a reload does not reset the slow-down. */
  wrongTries?: number;
  retryAt?: number;
  createdAt: number;
  lastOpenedAt: number;
  /**
   * Relay account data once connected (issue 3): base URL and the device's token. On disk the token is
   * null for a profile with a lock (it is in `sealedToken`); the open session holds it in memory.
   */
  relayUrl: string | null;
  token: string | null;
}

export type LockKind = 'pin' | 'pictures' | 'password';

/** AES-GCM ciphertext of a relay token (hex), bound to its profile id. */
export interface SealedToken {
  iv: string;
  data: string;
}

/** The registry of documents held on this device for a profile, with their sync bookkeeping. */
export interface DocEntry {
  profileId: string;
  name: string;
  kind: DocRef['kind'];
  classId: string;
  studentId: string | null;
  /** When this device last changed the document (local edit). */
  lastLocalEditAt: number | null;
  /** Local edits not yet acknowledged by the relay (0 when none). */
  pendingChanges: number;
  /** When the relay last acknowledged everything this device had. */
  lastSyncedAt: number | null;
  /** When the relay last confirmed it had written this device's changes to its disk. */
  lastStoredAt: number | null;
  /** True when the document was written by a newer Pathbook and is opened read-only. */
  readOnlyReason: 'newer-schema' | 'no-permission' | null;
}

/** A row of the dashboard's query index, one per student in a class, kept up to date from the documents. */
export interface SummaryRow extends StudentSummary {
  profileId: string;
  classId: string;
  displayName: string;
  archived: boolean;
  updatedAt: number;
}

/** A document opened on this device. */
export interface LocalDoc {
  name: string;
  ref: DocRef;
  doc: Y.Doc;
  /** 'newer-schema' means: read it, but never write into it. */
  access(): WriteAccess;
  /** Resolves when what is stored on this device has been loaded (never hangs: damaged data is skipped). */
  whenLoaded: Promise<LoadReport>;
  /** Updates held only in memory because writing them failed or is still under way (0 when all are on disk). */
  unsavedUpdates(): number;
}

export interface LoadReport {
  /** Stored updates that could not be applied and were set aside. */
  damagedUpdates: number;
  storedUpdates: number;
  ms: number;
  /** Null when the stored data was read; otherwise why storage could not be read (the document starts empty in memory). */
  failed: StorageErrorKind | null;
}

/** Why the device's storage refused: full, not there (private mode, blocked, closed), or something else. */
export type StorageErrorKind = 'quota' | 'unavailable' | 'unknown';

/** A failed read or write of device storage. The in-memory documents keep every edit meanwhile. */
/**
 * A record in a document that this device cannot read (another device, a newer Pathbook or a
 * buggy one wrote it): left out of every list, kept in the document, and reported once.
 */
export interface UnreadableRecord extends ReadIssue {
  profileId: string;
  docName: string;
}

export interface StorageProblem {
  kind: StorageErrorKind;
  profileId: string;
  /** The document concerned, or null for the registry (Dexie) itself. */
  docName: string | null;
  /** Updates of that document held only in memory until a write succeeds. */
  unsavedUpdates: number;
  error: unknown;
}

/** A stored update that could not be decoded, kept aside (never destroyed) with where it came from. */
export interface DamagedUpdateRow {
  id?: number;
  profileId: string;
  docName: string;
  /** Its key in the document's `updates` object store. */
  rowKey: number;
  bytes: Uint8Array | ArrayBuffer | null;
  /** The raw value when it was not bytes at all (kept as IndexedDB returned it). */
  raw: unknown;
  problem: string;
  at: number;
}

/** A photo (or other file) held on the device until uploaded. Keyed per profile, so removing one profile never removes another's copy. */
export interface BlobRow {
  profileId: string;
  /** sha-256 hex of the bytes. */
  hash: string;
  type: string;
  bytes: Blob | ArrayBuffer;
  size: number;
  createdAt: number;
  uploadedAt: number | null;
}

/** What a profile holds that the relay has not confirmed storing (the app refuses removal while any). */
export interface UnsyncedSummary {
  /** Documents with local edits the relay has not acknowledged. */
  pendingDocs: string[];
  /** Documents the relay never confirmed storing, or not since their last local edit. */
  unstoredDocs: string[];
  /** Photos not yet uploaded. */
  unuploadedBlobs: number;
  /** True when nothing on this device is at risk. */
  safeToRemove: boolean;
}
