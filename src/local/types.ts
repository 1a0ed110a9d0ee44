import type * as Y from 'yjs';
import type { DocRef, Language, StudentSummary, WriteAccess } from '../core';

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
  /** Salted hash of a 4-digit PIN, if the profile uses one. */
  pinHash: string | null;
  createdAt: number;
  lastOpenedAt: number;
  /** Relay account data once connected (issue 3): base URL and the device's token. */
  relayUrl: string | null;
  token: string | null;
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
}

export interface LoadReport {
  /** Stored updates that could not be applied and were set aside. */
  damagedUpdates: number;
  storedUpdates: number;
  ms: number;
}
