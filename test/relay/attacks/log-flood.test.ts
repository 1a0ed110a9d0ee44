import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cleanup, newClass, newTeacher, tempDir, type TestTeacher } from '../helpers';
import { spawnRelay, type ChildRelay } from '../child-relay';
import { expectDeviceSyncs } from './well-behaved';

/** Issue 8, low: 100,000 garbage frames wrote ~22 MB of stack traces. The relay runs as its own process, with main.ts's logging. */

const FRAMES = 100_000;
const SOCKETS = 50;

let relay: ChildRelay;
let teacher: TestTeacher;
let classId: string;

beforeAll(async () => {
  relay = await spawnRelay(await tempDir());
  teacher = await newTeacher(relay);
  ({ classId } = await newClass(relay, teacher));
}, 60_000);
afterAll(cleanup);

/** Opens sockets one after another and sends garbage on each until `frames` have gone out. */
async function garbageSender(frames: number): Promise<number> {
  let sent = 0;
  while (sent < frames) {
    const ws = new WebSocket(relay.wsUrl);
    ws.on('error', () => {});
    const closed = new Promise<void>((r) => ws.once('close', () => r()));
    await new Promise<void>((r) => ws.once('open', () => r()).once('close', () => r()));
    while (ws.readyState === WebSocket.OPEN && sent < frames) {
      // Hocuspocus cannot read these: a name whose length runs past the frame, or random bytes.
      ws.send(sent % 2 ? randomBytes(1 + (sent % 40)) : new Uint8Array([0xff, 0xff, 0xff, 0x7f, 1, 2]));
      sent++;
      if (sent % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    ws.close();
    await closed;
  }
  return sent;
}

describe('a flood of garbage frames', () => {
  it(`${FRAMES} frames write little to the log, and a device keeps syncing`, async () => {
    const logBefore = relay.output().length;
    const started = Date.now();
    const sent = (await Promise.all(Array.from({ length: SOCKETS }, () => garbageSender(FRAMES / SOCKETS)))).reduce((a, b) => a + b, 0);
    await expectDeviceSyncs(relay, teacher, classId, 60_000);
    const written = relay.output().length - logBefore;
    console.log(`[attack] ${sent} garbage frames in ${Date.now() - started} ms: the relay wrote ${written} bytes of log`);
    expect(relay.process.exitCode).toBeNull();
    expect(written).toBeLessThan(100_000);
  }, 120_000);
});
