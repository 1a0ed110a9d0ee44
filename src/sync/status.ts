import type { DocEntry } from '../local';
import { isUnstored } from '../local/bookkeeping';
import type { Refusal } from '../protocol/refusal';

/**
 * Sync of one profile on one device, in plain states the app can word:
 * - not-connected: no session running (before start, after stop);
 * - offline: the device says it has no network;
 * - connecting: trying to reach the relay, no failure yet;
 * - unreachable: the last attempt failed (relay down, wrong address); retrying with backoff;
 * - refused: the relay refuses this device (see `refusal`); nothing is retried until reconnect();
 * - syncing: connected, documents still being opened, exchanged or acknowledged;
 * - synced: connected and nothing waiting: every document is in sync and every change sent was
 *   acknowledged (a read-only document's refused local edits and refused documents aside).
 * The counts come from the device's registry: `pendingChanges`/`pendingDocs` are local edits the
 * relay has not acknowledged; `unstoredDocs === 0` means the relay confirmed writing to its disk
 * everything this device holds (only that makes removing the profile from the device safe).
 */
export interface SyncStatus {
  state: 'not-connected' | 'offline' | 'connecting' | 'syncing' | 'synced' | 'unreachable' | 'refused';
  pendingChanges: number;
  pendingDocs: number;
  unstoredDocs: number;
  lastSyncedAt: number | null;
  lastStoredAt: number | null;
  refusal: { code: string; message: string } | null;
  /** Documents the relay refused for this account (e.g. a class not connected yet); not counted as waiting. */
  refusedDocs: number;
  /** Documents this account may only read (the app blocks editing them). */
  readOnlyDocs: number;
  /** The relay says it cannot write to its disk (full): work stays on this device and it keeps retrying. */
  relayCannotStore: boolean;
}

export interface SessionFacts {
  running: boolean;
  online: boolean;
  socket: 'idle' | 'connecting' | 'open';
  failedAttempts: number;
  refusal: Refusal | null;
  /** Documents not settled yet (loading, queued, authenticating, syncing, unacknowledged). */
  unsettledDocs: number;
  refusedDocs: number;
  readOnlyDocs: number;
  /** Documents the relay said it could not store (and has not stored since). */
  relayCannotStoreDocs: number;
  entries: readonly DocEntry[];
  /**
   * What the session knows before the registry does (it counts edits up to a second late and
   * registers new documents in batches): documents changed since the relay acknowledged / stored
   * them, documents not registered yet and not confirmed stored, and the latest confirmations.
   */
  unacknowledgedNow: ReadonlySet<string>;
  unstoredNow: ReadonlySet<string>;
  lastSyncedNow: number | null;
  lastStoredNow: number | null;
}

function maxOf(values: (number | null)[]): number | null {
  let max: number | null = null;
  for (const value of values) if (value !== null && (max === null || value > max)) max = value;
  return max;
}

function stateOf(f: SessionFacts): SyncStatus['state'] {
  if (!f.running) return 'not-connected';
  if (f.refusal) return 'refused';
  if (!f.online) return 'offline';
  if (f.socket !== 'open') return f.failedAttempts > 0 ? 'unreachable' : 'connecting';
  return f.unsettledDocs > 0 ? 'syncing' : 'synced';
}

export function computeStatus(f: SessionFacts): SyncStatus {
  const pending = new Set(f.unacknowledgedNow);
  const unstored = new Set(f.unstoredNow);
  let pendingChanges = 0;
  for (const entry of f.entries) {
    // An edit the registry has not counted yet still counts as one.
    pendingChanges += Math.max(entry.pendingChanges, f.unacknowledgedNow.has(entry.name) ? 1 : 0);
    if (entry.pendingChanges > 0) pending.add(entry.name);
    if (isUnstored(entry)) unstored.add(entry.name);
  }
  for (const name of f.unacknowledgedNow) if (!f.entries.some((e) => e.name === name)) pendingChanges++;
  return {
    state: stateOf(f),
    pendingChanges,
    pendingDocs: pending.size,
    unstoredDocs: unstored.size,
    lastSyncedAt: maxOf([f.lastSyncedNow, ...f.entries.map((e) => e.lastSyncedAt)]),
    lastStoredAt: maxOf([f.lastStoredNow, ...f.entries.map((e) => e.lastStoredAt)]),
    refusal: f.refusal ? { code: f.refusal.code, message: f.refusal.message } : null,
    refusedDocs: f.refusedDocs,
    readOnlyDocs: f.readOnlyDocs,
    relayCannotStore: f.relayCannotStoreDocs > 0,
  };
}

export function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (Object.keys(a) as (keyof SyncStatus)[]).every((key) =>
    key === 'refusal' ? a.refusal?.code === b.refusal?.code && a.refusal?.message === b.refusal?.message : a[key] === b[key],
  );
}
