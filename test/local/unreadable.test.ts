import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName, planDocument, type DocRef } from '../../src/core';
import { DocStore } from '../../src/local/doc-store';
import type { UnreadableRecord } from '../../src/local/types';
import { profileId } from './helpers';

const ref: DocRef = { kind: 'plan', classId: 'class1', studentId: 'stud1' };
const stores: DocStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.closeAll()));
});

/** An update made on another device, with one good goal and one that this version cannot read. */
function updateFromAnotherDevice(): Uint8Array {
  const other = new Y.Doc();
  planDocument(other).goals.add({ title: 'Fractions', startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 }, 'goodgoal1');
  const bad = new Y.Map<unknown>();
  other.getMap('goals').set('badgoal1', bad);
  bad.set('title', 'x'.repeat(500));
  bad.set('startDate', '2026-09-01');
  bad.set('targetDate', 'soon');
  bad.set('createdAt', 2);
  return Y.encodeStateAsUpdate(other);
}

describe('a malformed record arriving by sync', () => {
  it('is reported once, kept in the document and on disk, and the rest reads as usual', async () => {
    const pid = profileId();
    const store = new DocStore(pid);
    stores.push(store);
    const reported: UnreadableRecord[] = [];
    store.onUnreadableRecord((record) => reported.push(record));
    const local = store.open(ref);
    await local.whenLoaded;
    Y.applyUpdate(local.doc, updateFromAnotherDevice(), 'sync-provider');

    const plan = planDocument(local.doc);
    expect(plan.goals.list().map((g) => g.id)).toEqual(['goodgoal1']);
    plan.goals.list();
    plan.goals.list();
    expect(reported).toEqual([
      { profileId: pid, docName: docName(ref), collection: 'goals', id: 'badgoal1', problem: expect.stringContaining('targetDate') },
    ]);
    expect(local.doc.getMap('goals').has('badgoal1')).toBe(true);

    // Written to this device as it arrived: after a restart it is still there, not dropped.
    await store.flush();
    await store.closeAll();
    const again = new DocStore(pid);
    stores.push(again);
    const reopened = again.open(ref);
    await reopened.whenLoaded;
    expect((reopened.doc.getMap('goals').get('badgoal1') as Y.Map<unknown>).get('targetDate')).toBe('soon');
    expect(planDocument(reopened.doc).goals.list().map((g) => g.id)).toEqual(['goodgoal1']);
  });
});
