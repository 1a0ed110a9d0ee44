import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDocument } from '../../src/core';
import { planUndo } from '../../src/app/undo/plan-undo';

const REMOTE = { pathbook: 'relay' };

/** Sends everything `from` has that `to` lacks, as a sync provider would, with a non-local origin. */
function exchange(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE);
}

describe('undo of the student\'s own last change', () => {
  it('reverts only the student\'s edit, not the teacher\'s edit that arrived meanwhile', () => {
    const studentDoc = new Y.Doc();
    const teacherDoc = new Y.Doc();
    const student = planDocument(studentDoc);
    const teacher = planDocument(teacherDoc);
    const undo = planUndo(studentDoc);

    const goalId = student.goals.add({ title: 'Read a chapter book', startDate: '2026-11-01', targetDate: '2026-12-01', createdAt: 1 });
    undo.stopCapturing();
    exchange(studentDoc, teacherDoc);

    // The student writes a reflection; meanwhile the teacher edits the goal's title and adds progress.
    const reflectionId = student.reflections.add({ at: 2, did: 'I read 10 pages' });
    teacher.goals.update(goalId, { title: 'Read two chapter books' });
    teacher.progress.add({ goalId, at: 3, value: 20, by: 'teacher' });
    exchange(teacherDoc, studentDoc);
    expect(student.goals.get(goalId)?.title).toBe('Read two chapter books');

    undo.undo();

    expect(student.reflections.get(reflectionId)).toBeNull();
    expect(student.goals.get(goalId)?.title).toBe('Read two chapter books');
    expect(student.progress.list().map((p) => p.value)).toEqual([20]);
    // The earlier own change (the goal) is still there until undone too.
    expect(student.goals.list()).toHaveLength(1);

    // And the undo travels to the teacher like any edit, leaving the teacher's work in place.
    exchange(studentDoc, teacherDoc);
    expect(teacher.reflections.list()).toEqual([]);
    expect(teacher.goals.get(goalId)?.title).toBe('Read two chapter books');
  });

  it('never undoes edits from storage loads, other tabs or the relay', () => {
    const doc = new Y.Doc();
    const undo = planUndo(doc);
    const other = new Y.Doc();
    planDocument(other).goals.add({ title: 'From another tab', startDate: '2026-11-01', targetDate: '2026-12-01', createdAt: 1 });
    exchange(other, doc);
    expect(undo.canUndo()).toBe(false);
    expect(planDocument(doc).goals.list()).toHaveLength(1);
  });

  it('covers every collection and setting of the plan document definition, and undoes each', () => {
    const doc = new Y.Doc();
    const plan = planDocument(doc);
    const undo = planUndo(doc);
    const parts = Object.entries(plan).filter(([key]) => key !== 'doc');
    expect(undo.scope).toHaveLength(parts.length);
    for (const [name] of parts) expect(undo.scope).toContain(doc.getMap(name));
    plan.selfAssessments.add({ targetId: 'target1', level: 3, at: 1 });
    undo.stopCapturing();
    plan.profile.write({ language: 'es' });
    undo.undo();
    undo.undo();
    expect(plan.selfAssessments.list()).toEqual([]);
    expect(plan.profile.read().language).toBe('en');
  });

  it('gives one manager per document', () => {
    const doc = new Y.Doc();
    expect(planUndo(doc)).toBe(planUndo(doc));
  });
});
