import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDays, catalogIdsOf, classDocument, coachDocument, docName, planDocument, type DocRef } from '../../src/core';
import { familyView } from '../../src/protocol/family-view';
import { dashboardModel } from '../../src/app/dashboard/dashboard-model';
import { goalViews } from '../../src/app/plan/goal-view';
import { studentPage } from '../../src/app/student-view/student-page';
import { summaryRow } from '../../src/local/projection';
import { seedClass } from '../../scripts/seed/generate';

const today = '2026-11-20';

/** The seeded 40-student year, with a student checked in today and students who chose or proposed projects this week. */
function generatedClass() {
  const seeded = seedClass({ seed: 2026, students: 40, today });
  const doc = (ref: DocRef) => seeded.docs.get(docName(ref))!;
  const cls = doc({ kind: 'class', classId: seeded.classId });
  const plan = (studentId: string) => doc({ kind: 'plan', classId: seeded.classId, studentId });
  const coach = (studentId: string) => doc({ kind: 'coach', classId: seeded.classId, studentId });
  const catalog = classDocument(cls).catalog.list();
  const [seenToday, pickedCatalog, proposedOwn] = seeded.students;
  // Checked in today, although overdue work, silence or a falling engagement would call for one.
  coachDocument(coach(seenToday!.id)).checkins.add({ date: today, at: Date.parse(`${today}T09:00:00Z`), engagement: 2 });
  // This week: one student picks a catalog project (needs no answer), another proposes their own (needs one).
  planDocument(plan(pickedCatalog!.id)).projects.add({ title: catalog[0]!.title, question: '', catalogId: catalog[0]!.id, createdAt: Date.parse(`${today}T08:00:00Z`) });
  planDocument(plan(proposedOwn!.id)).projects.add({ title: 'Build a kite', question: 'What makes it fly?', catalogId: null, createdAt: Date.parse(`${today}T08:00:00Z`) });
  return { seeded, cls, plan, coach, seenToday: seenToday!.id, pickedCatalog: pickedCatalog!.id, proposedOwn: proposedOwn!.id };
}

function dashboard(c: ReturnType<typeof generatedClass>) {
  const roster = classDocument(c.cls).students.list();
  const catalogIds = catalogIdsOf(classDocument(c.cls));
  const rows = roster.map((s) => summaryRow('profile1', c.seeded.classId, s.id, s, c.plan(s.id), c.coach(s.id), catalogIds, today, 0));
  const cadence = classDocument(c.cls).settings.read().cadenceDays;
  const all = dashboardModel(rows, cadence, today, 'need', 'all');
  const waiting = dashboardModel(rows, cadence, today, 'need', 'waiting');
  return {
    needs: new Set(all.needs.map((e) => e.row.studentId)),
    waiting: new Set([...waiting.needs, ...waiting.others].map((e) => e.row.studentId)),
    counts: new Map(rows.map((r) => [r.studentId, r.proposedItems])),
  };
}

function studentPages(c: ReturnType<typeof generatedClass>) {
  return new Map(c.seeded.students.map((s) => [s.id, studentPage(s.id, c.plan(s.id), c.coach(s.id), c.cls, today)]));
}

describe('the dashboard and the student page', () => {
  it('agree on "waiting for your answer" and "needs a check-in today" for every student of a generated 40-student class', () => {
    const c = generatedClass();
    const board = dashboard(c);
    const pages = studentPages(c);
    expect(pages.size).toBe(40);
    for (const [id, page] of pages) {
      expect({ id, needs: board.needs.has(id) }).toEqual({ id, needs: page.attention.needsCheckIn });
      expect({ id, waiting: board.waiting.has(id), count: board.counts.get(id) }).toEqual({ id, waiting: page.waiting.length > 0, count: page.waiting.length });
    }
    // The class is varied enough for the comparison to mean something.
    expect(board.needs.size).toBeGreaterThan(3);
    expect(board.needs.size).toBeLessThan(40);
    expect(board.waiting.size).toBeGreaterThan(3);

    // Checked in today: in neither list of "needs a check-in today", although there are reasons.
    expect(pages.get(c.seenToday)!.attention.reasons.length).toBeGreaterThan(0);
    expect(board.needs.has(c.seenToday)).toBe(false);
    // A catalog project needs no answer; the student's own idea does, on both screens.
    const projectWaiting = (id: string) => pages.get(id)!.waiting.filter((w) => w.kind === 'project').map((w) => w.title);
    expect(projectWaiting(c.pickedCatalog)).toEqual([]);
    expect(projectWaiting(c.proposedOwn)).toEqual(['Build a kite']);
    expect(board.waiting.has(c.proposedOwn)).toBe(true);
  });
});

describe('agreement belongs to the teacher', () => {
  /** Everything the teacher, the student and the family see about one student's goals and projects. */
  function whatEveryoneSees(c: ReturnType<typeof generatedClass>, studentId: string) {
    const page = studentPage(studentId, c.plan(studentId), c.coach(studentId), c.cls, today);
    const family = familyView(c.plan(studentId), c.coach(studentId), c.cls, today);
    return {
      teacher: { waiting: page.waiting.map((w) => [w.id, w.stage]), goals: page.goals.map((g) => [g.goal.id, g.state.stage]), projects: page.projects.map((p) => [p.project.id, p.status]) },
      dashboard: dashboard(c).counts.get(studentId),
      student: goalViews(c.plan(studentId), c.coach(studentId), today).map((g) => [g.goal.id, g.state.stage, g.state.agreed]),
      family: { goals: family.goals.map((g) => [g.id, g.stage]), proposals: family.proposals.map((g) => g.id), projects: family.projects.map((p) => [p.id, p.proposal]) },
    };
  }

  it("a student-written proposedBy: 'teacher', agreement or confirmation field changes nothing anyone sees", () => {
    const c = generatedClass();
    const studentId = c.proposedOwn;
    const plan = planDocument(c.plan(studentId));
    const goal = plan.goals.add({ title: 'Ride a unicycle', startDate: addDays(today, -3), targetDate: addDays(today, 30), createdAt: Date.parse(`${today}T07:00:00Z`) });
    const before = whatEveryoneSees(c, studentId);
    expect(before.family.proposals).toContain(goal);

    // What a student's device can write into their own plan (the only document they may write).
    c.plan(studentId).transact(() => {
      for (const g of plan.goals.list()) {
        plan.goals.update(g.id, { proposedBy: 'teacher' });
        const map = plan.goals.root.get(g.id) as Y.Map<unknown>;
        map.set('agreed', true);
        map.set('status', 'agreed');
        map.set('agreedBy', 'teacher');
        plan.statusChanges.add({ recordId: g.id, status: 'agreed', at: Date.parse(`${today}T10:00:00Z`), by: 'teacher' });
      }
      for (const p of plan.projects.list()) plan.projects.update(p.id, { proposedBy: 'teacher' });
      // A made-up catalog id is not the teacher's catalog.
      plan.projects.add({ title: 'Fake catalog pick', catalogId: 'notacatalogid', proposedBy: 'teacher', createdAt: Date.parse(`${today}T10:00:00Z`) }, 'fakepick1');
    });
    const after = whatEveryoneSees(c, studentId);
    expect(after.teacher.goals).toEqual(before.teacher.goals);
    expect(after.student).toEqual(before.student);
    expect(after.family.goals).toEqual(before.family.goals);
    expect(after.family.proposals).toEqual(before.family.proposals);
    // The fake pick is one more proposal waiting for the teacher, never an active project.
    const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect([...after.teacher.waiting].sort(byId)).toEqual([...before.teacher.waiting, ['fakepick1', 'proposed']].sort(byId));
    expect(after.dashboard).toBe(before.dashboard! + 1);
    expect([...after.family.projects].sort(byId)).toEqual([...before.family.projects, ['fakepick1', true]].sort(byId));
  });

  it("a student's change to an agreed goal shows as changed until the teacher looks; a claim until the teacher confirms", () => {
    const c = generatedClass();
    const agreedOpen = (id: string) => goalViews(c.plan(id), c.coach(id), today).find((g) => g.state.stage === 'agreed' && g.pace !== 'achieved');
    const studentId = c.seeded.students.map((s) => s.id).find((id) => agreedOpen(id))!;
    const seen = agreedOpen(studentId)!;
    expect(seen).toBeDefined();
    const plan = planDocument(c.plan(studentId));
    plan.goals.update(seen.goal.id, { title: `${seen.goal.title} (easier)` });
    const stageOf = () => goalViews(c.plan(studentId), c.coach(studentId), today).find((g) => g.goal.id === seen.goal.id)!.state.stage;
    const waitingIds = () => studentPage(studentId, c.plan(studentId), c.coach(studentId), c.cls, today).waiting.map((w) => w.id);
    expect(stageOf()).toBe('changed');
    expect(waitingIds()).toContain(seen.goal.id);
    expect(familyView(c.plan(studentId), c.coach(studentId), c.cls, today).goals.find((g) => g.id === seen.goal.id)?.stage).toBe('changed');

    const coach = coachDocument(c.coach(studentId));
    const now = Date.parse(`${today}T12:00:00Z`);
    coach.decisions.add({ recordId: seen.goal.id, recordKind: 'goal', decision: 'agreed', title: `${seen.goal.title} (easier)`, targetDate: seen.goal.targetDate, at: now });
    expect(stageOf()).toBe('agreed');

    plan.statusChanges.add({ recordId: seen.goal.id, status: 'achieved', at: now + 1, by: 'student' });
    expect(stageOf()).toBe('claimed');
    expect(waitingIds()).toContain(seen.goal.id);
    coach.decisions.add({ recordId: seen.goal.id, recordKind: 'goal', decision: 'achieved', at: now + 2 });
    expect(stageOf()).toBe('achieved');
    expect(waitingIds()).not.toContain(seen.goal.id);
  });
});
