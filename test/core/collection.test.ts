import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDocument, classDocument, type ReadIssue } from '../../src/core';

describe('Collection', () => {
  it('adds, reads, updates and soft-deletes records', () => {
    const plan = planDocument(new Y.Doc());
    const id = plan.goals.add({ title: 'Read 5 books', startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1, why: 'I like stories' });
    expect(plan.goals.get(id)).toMatchObject({ id, title: 'Read 5 books', why: 'I like stories', path: 'own', deleted: false });
    plan.goals.update(id, { why: 'I love stories' });
    expect(plan.goals.get(id)?.why).toBe('I love stories');
    plan.goals.remove(id);
    expect(plan.goals.list()).toEqual([]);
    expect(plan.goals.get(id)?.deleted).toBe(true);
  });

  it('skips and reports a malformed record instead of crashing', () => {
    const issues: ReadIssue[] = [];
    const doc = new Y.Doc();
    const cls = classDocument(doc, (i) => issues.push(i));
    cls.students.add({ displayName: 'Ana' });
    const bad = new Y.Map<unknown>();
    doc.getMap('students').set('badbadbad', bad);
    bad.set('displayName', 42);
    doc.getMap('students').set('notamap', 'hello' as never);
    expect(cls.students.list().map((s) => s.displayName)).toEqual(['Ana']);
    expect(issues.map((i) => i.id).sort()).toEqual(['badbadbad', 'notamap']);
  });

  it('merges concurrent typing in a text field', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const pa = planDocument(a);
    const id = pa.goals.add({ title: 'Fractions', startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1, why: 'to bake' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const pb = planDocument(b);
    pa.goals.update(id, { why: 'so I can bake' });
    pb.goals.update(id, { why: 'to bake cakes' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(pa.goals.get(id)?.why).toBe(pb.goals.get(id)?.why);
    expect(pa.goals.get(id)?.why).toBe('so I can bake cakes');
  });
});
