import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_DOCUMENT_LIMITS } from '../../../src/relay/config';
import { cleanup, connectDoc, newRelay, waitFor } from '../helpers';
import { MSG, rawSyncClient, updateFrame } from './raw-sync';
import { studentWithPlan } from './student-plan';
import { expectDeviceSyncs } from './well-behaved';

afterEach(cleanup);

describe('a student growing a plan without end', () => {
  it(`stops at ${DEFAULT_DOCUMENT_LIMITS.maxDocumentBytes} bytes with a clear refusal; everyone else keeps syncing`, async () => {
    const relay = await newRelay();
    const { teacher, cls, ana, planName, goalId } = await studentWithPlan(relay);
    const watcher = await connectDoc(relay, planName, teacher.token);
    await watcher.whenSynced();
    const live = relay.hocuspocus.documents.get(planName)!;

    const attacker = await rawSyncClient(relay);
    await attacker.authenticate(planName, ana.token);
    // The attacker's own replica, grown 1.5 MB at a time (under the 2 MiB message limit).
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(live));
    const chunk = 'x'.repeat(1_500_000);
    let sent = 0;
    while (!attacker.types.includes(MSG.close) && sent < 40) {
      const before = Y.encodeStateVector(replica);
      const goal = replica.getMap('goals').get(goalId) as Y.Map<unknown>;
      goal.set(`note${sent}`, chunk);
      attacker.ws.send(updateFrame(planName, Y.encodeStateAsUpdate(replica, before)));
      sent++;
      const answers = attacker.types.length;
      await waitFor(() => attacker.types.length > answers, { timeout: 15_000 });
    }
    expect(attacker.closeReasons).toEqual(['document-too-large']);
    const size = Y.encodeStateAsUpdate(live).length;
    console.log(`[attack] document size cap: ${sent} updates of 1.5 MB sent, the plan stopped at ${size} bytes`);
    expect(size).toBeLessThanOrEqual(DEFAULT_DOCUMENT_LIMITS.maxDocumentBytes);
    expect(sent).toBeLessThan(10);

    watcher.doc.getMap('goals');
    await expectDeviceSyncs(relay, teacher, cls.classId);
  }, 60_000);
});
