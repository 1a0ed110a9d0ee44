import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDocument } from '../../../src/core';
import { goalRows, toCsv } from '../../../src/app/export/csv-rows';
import { goalViews } from '../../../src/app/plan/goal-view';
import { api, cleanup, connectDoc, newRelay, waitFor } from '../helpers';
import { MSG, rawSyncClient, updateFrame } from './raw-sync';
import { studentWithPlan, updateOn } from './student-plan';
import { expectDeviceSyncs } from './well-behaved';

afterEach(cleanup);

/** 20,000 Y.Maps, each inside the last, under a goal record of the plan. */
function plantDeepMap(goalId: string) {
  return (doc: Y.Doc) => {
    let map = doc.getMap('goals').get(goalId) as Y.Map<unknown>;
    for (let i = 0; i < 20_000; i++) {
      const next = new Y.Map<unknown>();
      map.set('x', next);
      map = next;
    }
  };
}

describe('a 20,000-deep Y.Map in a goal', () => {
  it('is refused by the relay; the plan, its family link and other devices are unharmed', async () => {
    const relay = await newRelay();
    const { teacher, cls, ana, planName, goalId } = await studentWithPlan(relay);
    // The teacher's device keeps the plan open (and must never receive the deep map).
    const watcher = await connectDoc(relay, planName, teacher.token);
    await watcher.whenSynced();
    const live = relay.hocuspocus.documents.get(planName)!;

    const attacker = await rawSyncClient(relay);
    await attacker.authenticate(planName, ana.token);
    attacker.ws.send(updateFrame(planName, updateOn(live, plantDeepMap(goalId))));
    await waitFor(() => attacker.types.includes(MSG.close), { timeout: 15_000 });
    expect(attacker.closeReasons).toEqual(['too-deep']);
    expect((live.getMap('goals').get(goalId) as Y.Map<unknown>).has('x')).toBe(false);
    watcher.doc.getMap('probe').set('after', true);
    await watcher.whenStored();
    expect((watcher.doc.getMap('goals').get(goalId) as Y.Map<unknown>).has('x')).toBe(false);

    const link = await api(relay, 'POST', `/api/classes/${cls.classId}/students/${ana.studentId}/family-links`, { token: teacher.token, body: {} });
    const view = await api(relay, 'GET', `/api/family/${link.body.token}`);
    expect(view.status).toBe(200);
    // The student's goal, not agreed by the teacher: the family view lists it as a proposal.
    expect(view.body.proposals).toMatchObject([{ id: goalId, title: 'Fractions' }]);
    await expectDeviceSyncs(relay, teacher, cls.classId);
  });

  it('stored before the relay checked: the family link, the teacher goal list and the CSV still work', async () => {
    const relay = await newRelay();
    const { teacher, cls, ana, planName, goalId } = await studentWithPlan(relay);
    // The teacher's device keeps the plan open; the deep map goes straight into the relay's copy.
    const watcher = await connectDoc(relay, planName, teacher.token);
    await watcher.whenSynced();
    const live = relay.hocuspocus.documents.get(planName)!;
    Y.applyUpdate(live, updateOn(live, plantDeepMap(goalId)));
    await waitFor(() => (watcher.doc.getMap('goals').get(goalId) as Y.Map<unknown>).has('x'), { timeout: 15_000 });

    const link = await api(relay, 'POST', `/api/classes/${cls.classId}/students/${ana.studentId}/family-links`, { token: teacher.token, body: {} });
    const view = await api(relay, 'GET', `/api/family/${link.body.token}`);
    expect(view.status).toBe(200);
    // The student's goal, not agreed by the teacher: the family view lists it as a proposal.
    expect(view.body.proposals).toMatchObject([{ id: goalId, title: 'Fractions' }]);

    // The teacher's device: its copy has the deep map too.
    const coach = new Y.Doc();
    expect(goalViews(watcher.doc, coach, '2026-10-01').map((v) => v.goal.title)).toEqual(['Fractions']);
    const csv = await toCsv(goalRows(cls.classDoc, [{ studentId: ana.studentId, plan: watcher.doc, coach }], '2026-10-01'));
    expect(csv).toContain('Fractions');
    expect(planDocument(watcher.doc).goals.list()).toHaveLength(1);
  });
});
