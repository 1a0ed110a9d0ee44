import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LIMITS, RecordRefused, planDocument, reportIssuesOf, type ReadIssue } from '../../src/core';

const goal = { startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 };

describe('Collection writes that would not read back', () => {
  it('refuses a title over its limit, writing nothing, and says which field', () => {
    const doc = new Y.Doc();
    const plan = planDocument(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(() => plan.goals.add({ ...goal, title: 'x'.repeat(LIMITS.title + 1) })).toThrow(RecordRefused);
    try {
      plan.goals.add({ ...goal, title: 'x'.repeat(LIMITS.title + 1) });
    } catch (error) {
      expect((error as RecordRefused).problems.map((p) => p.path)).toEqual(['title']);
    }
    expect(updates).toBe(0);
    expect(doc.getMap('goals').size).toBe(0);
    // At the limit it is kept, and reads back.
    const id = plan.goals.add({ ...goal, title: 'x'.repeat(LIMITS.title) });
    expect(plan.goals.list().map((g) => g.id)).toEqual([id]);
  });

  it('checks an update against the whole merged record, and leaves the record as it was when refused', () => {
    const plan = planDocument(new Y.Doc());
    const id = plan.goals.add({ ...goal, title: 'Fractions' });
    expect(() => plan.goals.update(id, { title: 'y'.repeat(LIMITS.title + 1) })).toThrow(RecordRefused);
    expect(() => plan.goals.update(id, { targetDate: 'next week' })).toThrow(RecordRefused);
    expect(plan.goals.get(id)?.title).toBe('Fractions');
    expect(plan.goals.get(id)?.targetDate).toBe('2026-12-01');
    expect(plan.goals.update(id, { title: 'Fractions and decimals' })).toBe(true);
    expect(plan.goals.get(id)?.title).toBe('Fractions and decimals');
  });

  it('a record from a newer schema is reported, left out, kept in the document, and not overwritten half-way', () => {
    const doc = new Y.Doc();
    const issues: ReadIssue[] = [];
    reportIssuesOf(doc, (issue) => issues.push(issue));
    // What a newer Pathbook might write: a horizon this version does not know.
    const newer = new Y.Map<unknown>();
    doc.getMap('goals').set('newgoal1', newer);
    for (const [k, v] of Object.entries({ ...goal, title: 'Monthly reading', horizon: 'monthly', deleted: false })) newer.set(k, v);
    const plan = planDocument(doc);
    expect(plan.goals.list()).toEqual([]);
    expect(issues).toEqual([{ collection: 'goals', id: 'newgoal1', problem: expect.stringContaining('horizon') }]);
    expect(() => plan.goals.update('newgoal1', { title: 'Renamed here' })).toThrow(RecordRefused);
    expect((doc.getMap('goals').get('newgoal1') as Y.Map<unknown>).toJSON()).toMatchObject({ title: 'Monthly reading', horizon: 'monthly' });
  });
});
