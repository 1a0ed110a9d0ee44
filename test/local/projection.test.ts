import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classDocument, coachDocument, planDocument, type ClassDocument } from '../../src/core';
import { localDb } from '../../src/local/db';
import { DocStore } from '../../src/local/doc-store';
import { readClassSummaries, refreshStudentSummary, watchClassProjection } from '../../src/local/projection';
import { profileId, waitUntil } from './helpers';

const classId = 'class1';
const today = () => '2026-10-15';
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function classWithTwoStudents() {
  const pid = profileId();
  const store = new DocStore(pid);
  cleanups.push(() => store.closeAll());
  const cls = store.create({ kind: 'class', classId });
  await cls.whenLoaded;
  const roster: ClassDocument = classDocument(cls.doc);
  roster.students.add({ displayName: 'Bea' }, 'stud2');
  roster.students.add({ displayName: 'Ana' }, 'stud1');
  return { pid, store, roster };
}

describe('class projection', () => {
  it('writes a row per roster student, then follows plan edits, check-ins, renames and removals', async () => {
    const { pid, store, roster } = await classWithTwoStudents();
    cleanups.push(watchClassProjection(store, pid, classId, { today }));

    await waitUntil(async () => expect((await readClassSummaries(pid, classId)).map((r) => r.displayName)).toEqual(['Ana', 'Bea']));
    const [ana] = await readClassSummaries(pid, classId);
    expect(ana).toMatchObject({ studentId: 'stud1', profileId: pid, classId, archived: false, openGoals: 0, computedFor: '2026-10-15' });

    const plan = planDocument(store.open({ kind: 'plan', classId, studentId: 'stud1' }).doc);
    plan.goals.add({ title: 'Fractions', startDate: '2026-09-01', targetDate: '2026-10-01', createdAt: 1, proposedBy: 'teacher' });
    await waitUntil(async () => {
      const row = (await readClassSummaries(pid, classId)).find((r) => r.studentId === 'stud1');
      expect(row).toMatchObject({ openGoals: 1, paces: { overdue: 1 } });
    });

    const coach = coachDocument(store.open({ kind: 'coach', classId, studentId: 'stud1' }).doc);
    coach.checkins.add({ date: '2026-10-14', at: 2, engagement: 3, followUp: '2026-10-20' });
    await waitUntil(async () => {
      const row = (await readClassSummaries(pid, classId)).find((r) => r.studentId === 'stud1');
      expect(row).toMatchObject({ lastCheckInDate: '2026-10-14', engagements: [3], followUpDate: '2026-10-20' });
    });

    roster.students.update('stud2', { displayName: 'Beatriz', archived: true });
    await waitUntil(async () => expect((await readClassSummaries(pid, classId))[1]).toMatchObject({ displayName: 'Beatriz', archived: true }));

    roster.students.remove('stud1');
    await waitUntil(async () => expect((await readClassSummaries(pid, classId)).map((r) => r.studentId)).toEqual(['stud2']));
  });

  it('debounces: a burst of edits is summarised once, after the quiet time', async () => {
    const { pid, store } = await classWithTwoStudents();
    cleanups.push(watchClassProjection(store, pid, classId, { today, debounceMs: 200 }));
    await waitUntil(async () => expect(await readClassSummaries(pid, classId)).toHaveLength(2));
    const before = (await readClassSummaries(pid, classId))[0]!.updatedAt;

    const plan = planDocument(store.open({ kind: 'plan', classId, studentId: 'stud1' }).doc);
    const puts = vi.spyOn(localDb().summaries, 'put');
    const started = Date.now();
    for (let i = 0; i < 5; i++) plan.reflections.add({ at: Date.parse('2026-10-14') + i, did: `step ${i}` });
    await waitUntil(async () => expect((await readClassSummaries(pid, classId))[0]!.lastActivityAt).toBe(Date.parse('2026-10-14') + 4));
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await new Promise((r) => setTimeout(r, 300));
    expect(puts).toHaveBeenCalledTimes(1);
    expect((await readClassSummaries(pid, classId))[0]!.updatedAt).toBeGreaterThanOrEqual(before);
    puts.mockRestore();
  });

  it('stops following when unsubscribed', async () => {
    const { pid, store } = await classWithTwoStudents();
    const stop = watchClassProjection(store, pid, classId, { today, debounceMs: 20 });
    await waitUntil(async () => expect(await readClassSummaries(pid, classId)).toHaveLength(2));
    stop();
    planDocument(store.open({ kind: 'plan', classId, studentId: 'stud1' }).doc).goals.add({
      title: 'Unseen', startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1, proposedBy: 'teacher',
    });
    await new Promise((r) => setTimeout(r, 100));
    expect((await readClassSummaries(pid, classId))[0]!.openGoals).toBe(0);
  });

  it('refreshStudentSummary computes one row from the documents and drops a student not on the roster', async () => {
    const { pid, store } = await classWithTwoStudents();
    const row = await refreshStudentSummary(store, classId, 'stud2', undefined, { today });
    expect(row).toMatchObject({ studentId: 'stud2', displayName: 'Bea', openGoals: 0 });
    expect((await readClassSummaries(pid, classId)).map((r) => r.studentId)).toEqual(['stud2']);
    expect(await refreshStudentSummary(store, classId, 'nobody', undefined, { today })).toBeNull();
  });
});
