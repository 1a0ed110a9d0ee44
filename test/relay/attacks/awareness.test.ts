import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { docName } from '../../../src/core';
import { cleanup, connectDoc, newRelay, waitFor } from '../helpers';
import { awarenessFrame, rawSyncClient } from './raw-sync';
import { studentWithPlan } from './student-plan';
import * as encoding from 'lib0/encoding';

afterEach(cleanup);

const syncStep1Frame = (name: string) => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(e);
};

describe('awareness (Pathbook does not use it)', () => {
  it('a read-only student cannot broadcast 1.5 MB of awareness to the class document', async () => {
    const relay = await newRelay();
    const { teacher, cls, ana } = await studentWithPlan(relay);
    const classDoc = docName({ kind: 'class', classId: cls.classId });
    const watcher = await connectDoc(relay, classDoc, teacher.token);
    await watcher.whenSynced();

    const attacker = await rawSyncClient(relay);
    await attacker.authenticate(classDoc, ana.token);
    const fake = new Awareness(new Y.Doc());
    fake.setLocalState({ junk: 'x'.repeat(1_500_000) });
    attacker.ws.send(awarenessFrame(classDoc, encodeAwarenessUpdate(fake, [fake.clientID])));
    // Messages on one connection are handled in order: once the step-1 answer arrives, the
    // awareness update has been handled (and broadcast, if it was going to be).
    const answers = attacker.types.length;
    attacker.ws.send(syncStep1Frame(classDoc));
    await waitFor(() => attacker.types.length > answers, { timeout: 15_000 });
    // And anything broadcast to the teacher before that is in their socket before this reply.
    watcher.doc.getMap('probe').set('after', true);
    await watcher.whenSynced();

    expect(watcher.provider.awareness!.getStates().has(fake.clientID)).toBe(false);
    expect(relay.hocuspocus.documents.get(classDoc)!.awareness.getStates().size).toBe(0);
    fake.destroy();
  });
});
