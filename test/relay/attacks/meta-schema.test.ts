import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_VERSION, readMeta, writeAccess } from '../../../src/core';
import { cleanup, connectDoc, newRelay, waitFor } from '../helpers';
import { MSG, rawSyncClient, updateFrame } from './raw-sync';
import { studentWithPlan, updateOn } from './student-plan';
import { expectDeviceSyncs } from './well-behaved';

afterEach(cleanup);

describe("a student rewriting their plan's meta", () => {
  it.each([
    ['schema 99', (m: Y.Map<unknown>) => m.set('schema', 99)],
    ['schema as text', (m: Y.Map<unknown>) => m.set('schema', '2')],
    ['schema 0', (m: Y.Map<unknown>) => m.set('schema', 0)],
    ['another name', (m: Y.Map<unknown>) => m.set('name', 'class:someone-else')],
  ])('%s: refused; the teacher\'s copy stays writable', async (_label, edit) => {
    const relay = await newRelay();
    const { teacher, cls, ana, planName } = await studentWithPlan(relay);
    const watcher = await connectDoc(relay, planName, teacher.token);
    await watcher.whenSynced();
    const live = relay.hocuspocus.documents.get(planName)!;

    const attacker = await rawSyncClient(relay);
    await attacker.authenticate(planName, ana.token);
    attacker.ws.send(updateFrame(planName, updateOn(live, (d) => edit(d.getMap('meta')))));
    await waitFor(() => attacker.types.includes(MSG.close), { timeout: 15_000 });
    expect(attacker.closeReasons).toEqual(['meta-refused']);

    watcher.doc.getMap('probe').set('after', true);
    await watcher.whenStored();
    expect(readMeta(live)).toMatchObject({ schema: SCHEMA_VERSION, name: planName });
    expect(writeAccess(watcher.doc)).toBe('writable');
    await expectDeviceSyncs(relay, teacher, cls.classId);
  });

  it('its own schema, set again, is accepted', async () => {
    const relay = await newRelay();
    const { ana, planName } = await studentWithPlan(relay);
    const student = await connectDoc(relay, planName, ana.token);
    await student.whenSynced();
    student.doc.getMap('meta').set('schema', SCHEMA_VERSION);
    student.doc.getMap('goals');
    await student.whenStored();
    expect(student.syncStatuses.every(Boolean)).toBe(true);
  });
});
