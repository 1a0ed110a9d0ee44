import { afterEach, describe, expect, it } from 'vitest';
import { PreAuthGate, type PreAuthRefusal } from '../../../src/relay/pre-auth-gate';
import { cleanup, newClass, newRelay, newTeacher, waitFor } from '../helpers';
import { openRawSocket, type RawSocket } from './raw-websocket';
import { expectDeviceSyncs } from './well-behaved';

afterEach(cleanup);

function gateWith(limits: Partial<ConstructorParameters<typeof PreAuthGate>[0]> = {}) {
  const refused: PreAuthRefusal[] = [];
  const gate = new PreAuthGate({ maxSockets: 100, maxBytesPerSocket: 1000, maxTotalBytes: 10_000, timeoutMs: 60_000, ...limits }, (r) => refused.push(r));
  return { gate, refused };
}

describe('the gate', () => {
  it('closes a socket over its own byte share, and frees its bytes', () => {
    const { gate, refused } = gateWith();
    let closed = false;
    const ticket = gate.admit(() => (closed = true));
    ticket.received(600);
    expect(closed).toBe(false);
    ticket.received(600);
    expect(closed).toBe(true);
    expect(refused).toEqual(['socket-bytes']);
    expect(gate.usage).toEqual({ sockets: 0, bytes: 0 });
  });

  it('over the total, closes the socket holding most, not the one arriving', () => {
    const { gate, refused } = gateWith({ maxBytesPerSocket: 5000, maxTotalBytes: 2000 });
    const closed: string[] = [];
    const big = gate.admit(() => closed.push('big'));
    const small = gate.admit(() => closed.push('small'));
    big.received(900);
    big.received(900);
    small.received(300);
    expect(closed).toEqual(['big']);
    expect(refused).toEqual(['total-bytes']);
    expect(gate.usage).toEqual({ sockets: 1, bytes: 300 });
    small.authenticated();
    expect(gate.usage).toEqual({ sockets: 0, bytes: 0 });
  });

  it('past the socket count, closes the oldest waiting socket', () => {
    const { gate } = gateWith({ maxSockets: 2 });
    const closed: number[] = [];
    const tickets = [0, 1, 2, 3].map((i) => gate.admit(() => closed.push(i)));
    expect(closed).toEqual([0, 1]);
    tickets[2]!.authenticated();
    gate.admit(() => closed.push(4));
    expect(closed).toEqual([0, 1]);
    expect(gate.usage.sockets).toBe(2);
  });
});

describe('on a relay', () => {
  it('a socket that never authenticates is closed after the timeout; devices keep syncing', async () => {
    const relay = await newRelay({ unauthenticatedTimeoutMs: 300 });
    const teacher = await newTeacher(relay);
    const { classId } = await newClass(relay, teacher);
    const idle = await openRawSocket(relay.port);
    await expectDeviceSyncs(relay, teacher, classId);
    await idle.closed;
    expect(relay.preAuth.usage).toEqual({ sockets: 0, bytes: 0 });
  });

  it('a crowd of waiting sockets: the oldest are closed, a device arriving after them syncs', async () => {
    const relay = await newRelay({ maxUnauthenticatedSockets: 5 });
    const teacher = await newTeacher(relay);
    const { classId } = await newClass(relay, teacher);
    const crowd: RawSocket[] = [];
    for (let i = 0; i < 12; i++) crowd.push(await openRawSocket(relay.port));
    await waitFor(() => crowd.filter((s) => s.isClosed()).length >= 7, { timeout: 15_000 });
    expect(relay.preAuth.usage.sockets).toBeLessThanOrEqual(5);
    await expectDeviceSyncs(relay, teacher, classId);
    // Authenticated sockets no longer count.
    expect(relay.preAuth.usage.sockets).toBeLessThanOrEqual(5);
  });
});
