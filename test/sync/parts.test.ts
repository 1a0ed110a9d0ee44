import { describe, expect, it } from 'vitest';
import { AttachWindow } from '../../src/sync/attach-window';
import { isSessionRefusal, parseRefusal } from '../../src/protocol/refusal';
import { syncSocketUrl } from '../../src/sync/session-socket';
import { computeStatus, type SessionFacts } from '../../src/sync/status';
import { readTokenClaims } from '../../src/protocol/token-claims';
import type { DocEntry } from '../../src/local';

describe('sync parts', () => {
  it("refusals: the relay's `code: sentence`, and which codes stop the whole session", () => {
    expect(parseRefusal('schema-too-old: update Pathbook on this device: to sync.')).toEqual({ code: 'schema-too-old', message: 'update Pathbook on this device: to sync.' });
    expect(parseRefusal('permission-denied')).toEqual({ code: 'refused', message: 'permission-denied' });
    expect(parseRefusal(undefined).code).toBe('refused');
    for (const code of ['schema-too-old', 'schema-too-new', 'token-expired', 'token-invalid', 'token-missing', 'token-malformed', 'device-revoked', 'device-unknown']) {
      expect(isSessionRefusal(code)).toBe(true);
    }
    for (const code of ['forbidden', 'unknown-document', 'internal', 'refused']) expect(isSessionRefusal(code)).toBe(false);
  });

  it('token claims are read from the JWT payload; anything else is null', () => {
    const payload = Buffer.from(JSON.stringify({ role: 'student', sub: 'ana12345', cls: ['class123'], dev: 'dev12345', exp: 2_000_000_000 })).toString('base64url');
    expect(readTokenClaims(`h.${payload}.s`)).toEqual({ role: 'student', subject: 'ana12345', classIds: ['class123'], deviceId: 'dev12345', expiresAt: 2_000_000_000_000 });
    expect(readTokenClaims(null)).toBeNull();
    expect(readTokenClaims('not a token')).toBeNull();
    expect(readTokenClaims(`h.${Buffer.from('{"role":"admin"}').toString('base64url')}.s`)).toBeNull();
  });

  it('the socket URL: ws(s), /sync and the schema', () => {
    expect(syncSocketUrl('http://10.0.0.5:8080/')).toBe('ws://10.0.0.5:8080/sync?schema=1');
    expect(syncSocketUrl('https://school.example')).toBe('wss://school.example/sync?schema=1');
  });

  it('the attach window never lets more than its size wait, urgent ones first, and moves on as answers come', () => {
    let open = false;
    const attached: string[] = [];
    const link = (name: string) => ({ name, attach: () => attached.push(name) });
    const window = new AttachWindow<ReturnType<typeof link>>(2, () => open);
    const links = ['a', 'b', 'c', 'd'].map(link);
    for (const l of links) window.enqueue(l);
    window.enqueue(links[3]!, true);
    expect(attached).toEqual([]);
    open = true;
    window.pump();
    expect(attached).toEqual(['d', 'a']);
    window.answered(links[0]!);
    expect(attached).toEqual(['d', 'a', 'b']);
    window.answered(links[0]!); // twice: no extra room
    expect(attached).toEqual(['d', 'a', 'b']);
    window.clear();
    expect(window.busy()).toBe(0);
    expect(() => new AttachWindow(101, () => true)).toThrow(RangeError);
  });

  it('status: state precedence and counts from the registry plus what the session knows first', () => {
    const entry = (name: string, patch: Partial<DocEntry>): DocEntry => ({
      profileId: 'p', name, kind: 'plan', classId: 'c', studentId: 's', lastLocalEditAt: 10, pendingChanges: 0,
      lastSyncedAt: 20, lastStoredAt: 20, readOnlyReason: null, ...patch,
    });
    const base: SessionFacts = {
      running: true, online: true, socket: 'open', failedAttempts: 0, refusal: null, unsettledDocs: 0, refusedDocs: 0, readOnlyDocs: 0, relayCannotStoreDocs: 0,
      entries: [entry('a', {}), entry('b', { pendingChanges: 3, lastLocalEditAt: 30 })],
      unacknowledgedNow: new Set(['c']), unstoredNow: new Set(['c']), lastSyncedNow: 25, lastStoredNow: null,
    };
    expect(computeStatus(base)).toMatchObject({ state: 'synced', pendingChanges: 4, pendingDocs: 2, unstoredDocs: 2, lastSyncedAt: 25, lastStoredAt: 20 });
    expect(computeStatus(base).relayCannotStore).toBe(false);
    expect(computeStatus({ ...base, relayCannotStoreDocs: 2 }).relayCannotStore).toBe(true);
    expect(computeStatus({ ...base, unsettledDocs: 1 }).state).toBe('syncing');
    expect(computeStatus({ ...base, socket: 'connecting' }).state).toBe('connecting');
    expect(computeStatus({ ...base, socket: 'connecting', failedAttempts: 1 }).state).toBe('unreachable');
    expect(computeStatus({ ...base, online: false, socket: 'idle' }).state).toBe('offline');
    expect(computeStatus({ ...base, online: false, refusal: { code: 'device-revoked', message: 'x' } }).state).toBe('refused');
    expect(computeStatus({ ...base, running: false, refusal: { code: 'device-revoked', message: 'x' } }).state).toBe('not-connected');
  });
});
