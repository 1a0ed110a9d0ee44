import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docName } from '../../../src/core';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../../../src/relay/config';
import { cleanup, newClass, newTeacher, tempDir, type TestTeacher } from '../helpers';
import { spawnRelay, type ChildRelay } from '../child-relay';
import { binaryFrame, openRawSocket, syncUpdateMessage, writeFrames, type RawSocket } from './raw-websocket';
import { rssMb, trackPeakRss } from './rss';
import { expectDeviceSyncs } from './well-behaved';

/**
 * Issue 8, high: sockets that never authenticate could each park two 2 MiB frames (200 sockets
 * took the relay from 219 to 1028 MB RSS). The relay runs as its own process, so its RSS is its own.
 */

const SOCKETS = 400;
const FRAMES_PER_SOCKET = 2;

let relay: ChildRelay;
let teacher: TestTeacher;
let classId: string;

beforeAll(async () => {
  relay = await spawnRelay(await tempDir());
  teacher = await newTeacher(relay);
  ({ classId } = await newClass(relay, teacher));
}, 60_000);
afterAll(cleanup);

describe('memory before authentication', () => {
  it(`${SOCKETS} unauthenticated sockets each queueing 4 MiB leave the relay under 400 MB, and a device syncs meanwhile`, async () => {
    const pid = relay.process.pid!;
    // One frame just under the message limit, shared by every socket (the test allocates it once).
    const frame = binaryFrame(syncUpdateMessage(docName({ kind: 'class', classId }), DEFAULT_MAX_MESSAGE_BYTES - 64));
    const before = rssMb(pid)!;
    // Twice: the second flood shows whether what the first left behind is reused or leaked.
    for (const round of [1, 2]) {
      const peak = trackPeakRss(pid);
      const opened = await Promise.allSettled(Array.from({ length: SOCKETS }, () => openRawSocket(relay.port)));
      const sockets = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
      const flood = Promise.all(sockets.map((s) => writeFrames(s, frame, FRAMES_PER_SOCKET)));
      const syncDuringMs = await expectDeviceSyncs(relay, teacher, classId, 60_000);
      await flood;
      const peakMb = peak.stop();
      const closedByRelay = sockets.filter((s: RawSocket) => s.isClosed()).length;
      for (const s of sockets) s.socket.destroy();
      await Promise.all(sockets.map((s) => s.closed));
      const syncAfterMs = await expectDeviceSyncs(relay, teacher, classId, 60_000);
      console.log(
        `[attack] round ${round}: ${sockets.length}/${SOCKETS} unauthenticated sockets x ${FRAMES_PER_SOCKET} x ${frame.length} B: relay RSS before ${before} MB, ` +
          `peak ${peakMb} MB, after ${rssMb(pid)} MB; ${closedByRelay} closed by the relay; ` +
          `a device synced (stored, 2 s save debounce) in ${syncDuringMs} ms during, ${syncAfterMs} ms after`,
      );
      expect(peakMb).toBeLessThan(400);
      expect(closedByRelay).toBe(sockets.length);
    }
    expect(relay.process.exitCode).toBeNull();
  }, 180_000);
});
