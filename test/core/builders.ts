import type { CheckIn, Decision, Goal, ProgressUpdate, StatusChange } from '../../src/core';
import type { CoachData, PlanData, StudentSummary } from '../../src/core';
import { emptyPaces } from '../../src/core';

/** Small record builders for rule tests: every field defaulted so a test states only what it is about. */
export function goal(over: Partial<Goal> = {}): Goal {
  return {
    id: 'goal1',
    title: 'Fractions',
    why: '',
    horizon: 'long',
    targetIds: [],
    startDate: '2026-09-01',
    targetDate: '2026-12-01',
    path: 'own',
    pathNote: '',
    proposedBy: 'student',
    createdAt: 1_000,
    deleted: false,
    ...over,
  };
}

export function progress(over: Partial<ProgressUpdate> & { id: string; at: number; value: number }): ProgressUpdate {
  return { goalId: 'goal1', note: '', by: 'student', deleted: false, ...over };
}

export function statusChange(over: Partial<StatusChange> & { id: string; at: number; status: StatusChange['status'] }): StatusChange {
  return { recordId: 'goal1', by: 'student', deleted: false, ...over };
}

export function decision(over: Partial<Decision> & { id: string; at: number; decision: Decision['decision'] }): Decision {
  return { recordId: 'goal1', recordKind: 'goal', note: '', deleted: false, ...over };
}

export function checkIn(over: Partial<CheckIn> & { id: string; date: string }): CheckIn {
  return {
    at: 0,
    kind: 'one-to-one',
    engagement: null,
    goalNotes: {},
    sharedNote: '',
    followUp: null,
    teacherName: '',
    groupId: null,
    deleted: false,
    ...over,
  };
}

export function emptyPlan(over: Partial<PlanData> = {}): PlanData {
  return { goals: [], progress: [], statusChanges: [], projects: [], milestones: [], evidence: [], reflections: [], ...over };
}

export function emptyCoach(over: Partial<CoachData> = {}): CoachData {
  return { checkins: [], decisions: [], ...over };
}

export function summary(over: Partial<StudentSummary> = {}): StudentSummary {
  return {
    studentId: 'stud1',
    lastCheckInDate: null,
    engagements: [],
    paces: emptyPaces(),
    openGoals: 0,
    overdueMilestones: 0,
    proposedItems: 0,
    followUpDate: null,
    lastActivityAt: null,
    computedFor: '2026-10-01',
    ...over,
  };
}

/** Noon local time on an ISO day, so localDay() gives that day back in any time zone. */
export function noonOf(isoDay: string): number {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12).getTime();
}
