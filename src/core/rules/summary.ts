import type { CheckIn, Decision, Goal, Milestone, ProgressUpdate, Reflection, StatusChange, Evidence, Project } from '../records';
import { goalState, isOpen } from './goal-status';
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

export function emptyPaces(): Record<Pace, number> {
  return { ahead: 0, 'on-track': 0, behind: 0, overdue: 0, achieved: 0, closed: 0 };
}

export function summarizeStudent(studentId: string, plan: PlanData, coach: CoachData, today: string): StudentSummary {
  const paces = emptyPaces();
  let openGoals = 0;
  let proposedItems = 0;
  for (const goal of plan.goals) {
    const state = goalState(goal, plan.statusChanges, coach.decisions);
    const pace = goalPace(goal, currentProgress(goal.id, plan.progress), state.status, today);
    paces[pace]++;
    if (isOpen(state.status)) openGoals++;
    if (state.status === 'proposed' && !state.suggestion) proposedItems++;
  }
  for (const project of plan.projects) {
    const decided = coach.decisions.some((d) => d.recordId === project.id && !d.deleted);
    if (project.proposedBy === 'student' && !decided) proposedItems++;
  }
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
    ...plan.goals.filter((g) => g.proposedBy === 'student').map((g) => g.createdAt),
    ...plan.projects.filter((p) => p.proposedBy === 'student').map((p) => p.createdAt),
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
