import type { CheckIn, Decision, Goal, Milestone, ProgressUpdate, Reflection, StatusChange, Evidence, Project } from '../records';
import type { ClassDocument, CoachDocument, PlanDocument } from '../ydoc/documents';
import { goalState, isOpen } from './goal-status';
import { waitingForTeacher } from './waiting';
import { currentProgress } from './progress';
import { goalPace, type Pace } from './pace';
import { daysBetween, localDay } from './dates';

/**
 * What the dashboard needs about one student, computed from that student's plan and coach
 * documents. Kept as a row in the device's query index so the dashboard never opens every
 * document to draw itself.
 */
export interface StudentSummary {
  studentId: string;
  lastCheckInDate: string | null;
  /** Engagement of check-ins, oldest first (most recent last), at most 6. */
  engagements: number[];
  paces: Record<Pace, number>;
  openGoals: number;
  overdueMilestones: number;
  /** Goals and projects waiting for the teacher's answer (rules/waiting.ts). */
  proposedItems: number;
  followUpDate: string | null;
  lastActivityAt: number | null;
  computedFor: string;
}

export interface PlanData {
  goals: readonly Goal[];
  progress: readonly ProgressUpdate[];
  statusChanges: readonly StatusChange[];
  projects: readonly Project[];
  milestones: readonly Milestone[];
  evidence: readonly Evidence[];
  reflections: readonly Reflection[];
}

export interface CoachData {
  checkins: readonly CheckIn[];
  decisions: readonly Decision[];
}

/** Everything of a plan document the rules read. */
export function planData(p: PlanDocument): PlanData {
  return {
    goals: p.goals.list(),
    progress: p.progress.list(),
    statusChanges: p.statusChanges.list(),
    projects: p.projects.list(),
    milestones: p.milestones.list(),
    evidence: p.evidence.list(),
    reflections: p.reflections.list(),
  };
}

export function coachData(c: CoachDocument): CoachData {
  return { checkins: c.checkins.list(), decisions: c.decisions.list() };
}

/** The class's catalog projects: choosing one of them needs no answer from the teacher. */
export function catalogIdsOf(c: ClassDocument): ReadonlySet<string> {
  return new Set(c.catalog.list().map((p) => p.id));
}

export function emptyPaces(): Record<Pace, number> {
  return { ahead: 0, 'on-track': 0, behind: 0, overdue: 0, achieved: 0, closed: 0 };
}

export function summarizeStudent(studentId: string, plan: PlanData, coach: CoachData, today: string, catalogIds: ReadonlySet<string>): StudentSummary {
  const paces = emptyPaces();
  let openGoals = 0;
  for (const goal of plan.goals) {
    const state = goalState(goal, plan.statusChanges, coach.decisions);
    const pace = goalPace(goal, currentProgress(goal.id, plan.progress), state.status, today);
    paces[pace]++;
    if (isOpen(state.status)) openGoals++;
  }
  const proposedItems = waitingForTeacher({ ...plan, decisions: coach.decisions, catalogIds }).length;
  const liveProjects = new Set(plan.projects.map((p) => p.id));
  const overdueMilestones = plan.milestones.filter(
    (m) => liveProjects.has(m.projectId) && !m.doneAt && m.due !== null && daysBetween(m.due, today) > 0,
  ).length;

  const checkins = [...coach.checkins].sort((a, b) => a.date.localeCompare(b.date) || a.at - b.at);
  const last = checkins.at(-1) ?? null;
  const engagements = checkins.flatMap((c) => (c.engagement === null ? [] : [c.engagement])).slice(-6);

  const moments = [
    ...plan.progress.filter((p) => p.by === 'student').map((p) => p.at),
    ...plan.reflections.map((r) => r.at),
    ...plan.evidence.map((e) => e.at),
    // Every goal and project: who proposed it is a field the student writes, so it cannot decide anything.
    ...plan.goals.map((g) => g.createdAt),
    ...plan.projects.map((p) => p.createdAt),
    ...plan.milestones.flatMap((m) => (m.doneAt ? [m.doneAt] : [])),
  ];
  return {
    studentId,
    lastCheckInDate: last?.date ?? null,
    engagements,
    paces,
    openGoals,
    overdueMilestones,
    proposedItems,
    followUpDate: last?.followUp ?? null,
    lastActivityAt: moments.length ? Math.max(...moments) : null,
    computedFor: today,
  };
}

export function lastActivityDay(summary: Pick<StudentSummary, 'lastActivityAt'>): string | null {
  return summary.lastActivityAt === null ? null : localDay(summary.lastActivityAt);
}
