import { describe, expect, it } from 'vitest';
import { emptyPaces, lastActivityDay, summarizeStudent, type Evidence, type Milestone, type Project, type Reflection } from '../../src/core';
import { checkIn, decision, emptyCoach, emptyPlan, goal, noonOf, progress, statusChange } from './builders';

const today = '2026-10-11';

function project(over: Partial<Project> & { id: string }): Project {
  return { title: 'Bridge', question: '', catalogId: null, proposedBy: 'student', createdAt: 0, deleted: false, ...over };
}
function milestone(over: Partial<Milestone> & { id: string }): Milestone {
  return { projectId: 'proj1', title: 'Sketch', due: null, doneAt: null, deleted: false, ...over };
}
function reflection(at: number): Reflection {
  return { id: `refl${at}`, at, did: '', hard: '', next: '', mood: null, deleted: false };
}
function evidence(at: number): Evidence {
  return { id: `evid${at}`, projectId: 'proj1', milestoneId: null, kind: 'text', text: '', url: '', photoHash: '', at, deleted: false };
}

describe('summarizeStudent', () => {
  it('summarises an empty plan as nothing known', () => {
    expect(summarizeStudent('stud1', emptyPlan(), emptyCoach(), today, new Set())).toEqual({
      studentId: 'stud1',
      lastCheckInDate: null,
      engagements: [],
      paces: emptyPaces(),
      openGoals: 0,
      overdueMilestones: 0,
      proposedItems: 0,
      followUpDate: null,
      lastActivityAt: null,
      computedFor: today,
    });
  });

  it('counts goals by pace, from their progress history and status', () => {
    // 2026-09-01 .. 2026-12-10 is 100 days; today (2026-10-11) is day 40, so 40% is expected.
    const span = { startDate: '2026-09-01', targetDate: '2026-12-10', proposedBy: 'teacher' as const };
    const plan = emptyPlan({
      goals: [
        goal({ ...span, id: 'ontrack' }),
        goal({ ...span, id: 'ahead' }),
        goal({ ...span, id: 'behind' }),
        goal({ ...span, id: 'overdue', targetDate: '2026-10-01' }),
        goal({ ...span, id: 'achieved' }),
        goal({ ...span, id: 'dropped' }),
      ],
      progress: [
        progress({ id: 'prg1', goalId: 'ontrack', at: 1, value: 40 }),
        progress({ id: 'prg2', goalId: 'ahead', at: 1, value: 20 }),
        progress({ id: 'prg3', goalId: 'ahead', at: 2, value: 70 }),
        progress({ id: 'prg4', goalId: 'behind', at: 2, value: 10 }),
        progress({ id: 'prg5', goalId: 'behind', at: 1, value: 60 }),
      ],
      statusChanges: [
        statusChange({ id: 'chg1', recordId: 'achieved', at: 5, status: 'achieved' }),
        statusChange({ id: 'chg2', recordId: 'dropped', at: 5, status: 'dropped' }),
      ],
    });
    // Agreed by the teacher; the achieved goal confirmed (a claim alone is not achieved).
    const decisions = plan.goals.map((g, i) => decision({ id: `agr${i}`, recordId: g.id, at: 1, decision: 'agreed' }));
    const coach = emptyCoach({ decisions: [...decisions, decision({ id: 'ach1', recordId: 'achieved', at: 6, decision: 'achieved' })] });
    const s = summarizeStudent('stud1', plan, coach, today, new Set());
    expect(s.paces).toEqual({ ahead: 1, 'on-track': 1, behind: 1, overdue: 1, achieved: 1, closed: 1 });
    expect(s.openGoals).toBe(4);
  });

  it('counts items waiting for the teacher: student goals and projects nobody has decided on', () => {
    const plan = emptyPlan({
      goals: [
        goal({ id: 'waiting' }),
        goal({ id: 'suggested' }),
        goal({ id: 'agreed' }),
        goal({ id: 'byteacher', proposedBy: 'teacher' }),
      ],
      projects: [
        project({ id: 'projwait' }),
        project({ id: 'projdecided' }),
        project({ id: 'projundone' }),
        project({ id: 'projteacher', proposedBy: 'teacher' }),
      ],
    });
    const coach = emptyCoach({
      decisions: [
        decision({ id: 'dec1', recordId: 'suggested', at: 1, decision: 'suggested' }),
        decision({ id: 'dec2', recordId: 'agreed', at: 1, decision: 'agreed' }),
        decision({ id: 'dec3', recordId: 'projdecided', recordKind: 'project', at: 1, decision: 'agreed' }),
        decision({ id: 'dec4', recordId: 'projundone', recordKind: 'project', at: 1, decision: 'agreed', deleted: true }),
      ],
    });
    // waiting, projwait, projundone (its only decision was deleted), and byteacher and projteacher:
    // proposedBy is written by the student, so it agrees nothing; only the coach document does.
    expect(summarizeStudent('stud1', plan, coach, today, new Set()).proposedItems).toBe(5);
  });

  it('counts milestones past their due day, not done, of projects still in the plan', () => {
    const plan = emptyPlan({
      projects: [project({ id: 'proj1' })],
      milestones: [
        milestone({ id: 'late', due: '2026-10-10' }),
        milestone({ id: 'duetoday', due: today }),
        milestone({ id: 'done', due: '2026-10-01', doneAt: 5 }),
        milestone({ id: 'nodue', due: null }),
        milestone({ id: 'orphan', projectId: 'gone', due: '2026-09-01' }),
      ],
    });
    expect(summarizeStudent('stud1', plan, emptyCoach(), today, new Set()).overdueMilestones).toBe(1);
  });

  it('takes the last check-in by day (then time), its follow-up, and the last six engagements oldest first', () => {
    const checkins = [
      checkIn({ id: 'c7', date: '2026-10-07', at: 9, engagement: 4, followUp: '2026-10-20' }),
      checkIn({ id: 'c1', date: '2026-10-01', at: 1, engagement: 1 }),
      checkIn({ id: 'c2', date: '2026-10-02', at: 1, engagement: 2 }),
      checkIn({ id: 'c3', date: '2026-10-03', at: 1, engagement: null }),
      checkIn({ id: 'c4', date: '2026-10-04', at: 1, engagement: 3 }),
      checkIn({ id: 'c5', date: '2026-10-05', at: 1, engagement: 4 }),
      checkIn({ id: 'c6', date: '2026-10-06', at: 1, engagement: 1 }),
      // Same day as c7 but recorded earlier, and written on a device whose clock is ahead.
      checkIn({ id: 'c7early', date: '2026-10-07', at: 2, engagement: 2, followUp: '2026-10-09' }),
    ];
    const s = summarizeStudent('stud1', emptyPlan(), emptyCoach({ checkins }), today, new Set());
    expect(s.lastCheckInDate).toBe('2026-10-07');
    expect(s.followUpDate).toBe('2026-10-20');
    expect(s.engagements).toEqual([2, 3, 4, 1, 2, 4]);
  });

  it('a day-ordered check-in wins over a later "at" on an earlier day', () => {
    const checkins = [
      checkIn({ id: 'c2', date: '2026-10-02', at: 1, followUp: null }),
      checkIn({ id: 'c1', date: '2026-10-01', at: 99, followUp: '2026-10-05' }),
    ];
    const s = summarizeStudent('stud1', emptyPlan(), emptyCoach({ checkins }), today, new Set());
    expect(s.lastCheckInDate).toBe('2026-10-02');
    expect(s.followUpDate).toBeNull();
  });

  it('last activity is the newest thing the student did, not what the teacher did', () => {
    const plan = emptyPlan({
      goals: [goal({ id: 'mine', createdAt: 100 }), goal({ id: 'teachers', proposedBy: 'teacher', createdAt: 9_000 })],
      progress: [
        progress({ id: 'prg1', goalId: 'mine', at: 200, value: 10 }),
        progress({ id: 'prg2', goalId: 'mine', at: 9_100, value: 20, by: 'teacher' }),
      ],
      projects: [project({ id: 'proj1', createdAt: 300 }), project({ id: 'proj2', proposedBy: 'teacher', createdAt: 9_200 })],
      reflections: [reflection(400)],
      evidence: [evidence(500)],
      milestones: [milestone({ id: 'mile1', doneAt: 600 }), milestone({ id: 'mile2' })],
    });
    // Who proposed a goal or project is the student's to write, so every goal and project counts.
    expect(summarizeStudent('stud1', plan, emptyCoach(), today, new Set()).lastActivityAt).toBe(9_200);
    const withoutTeachers = { ...plan, goals: plan.goals.slice(0, 1), projects: plan.projects.slice(0, 1) };
    expect(summarizeStudent('stud1', withoutTeachers, emptyCoach(), today, new Set()).lastActivityAt).toBe(600);
    expect(summarizeStudent('stud1', { ...withoutTeachers, reflections: [reflection(700)] }, emptyCoach(), today, new Set()).lastActivityAt).toBe(700);
    expect(summarizeStudent('stud1', { ...withoutTeachers, evidence: [evidence(800)] }, emptyCoach(), today, new Set()).lastActivityAt).toBe(800);
  });
});

describe('lastActivityDay', () => {
  it('is the local day of the last activity, or null', () => {
    expect(lastActivityDay({ lastActivityAt: null })).toBeNull();
    expect(lastActivityDay({ lastActivityAt: noonOf('2026-10-03') })).toBe('2026-10-03');
  });
});
