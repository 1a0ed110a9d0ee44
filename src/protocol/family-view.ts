import type * as Y from 'yjs';
import { coachDocument, planDocument } from '../core/ydoc/documents';
import { goalState } from '../core/rules/goal-status';
import { currentProgress } from '../core/rules/progress';
import { goalPace, type Pace } from '../core/rules/pace';
import { localDay } from '../core/rules/dates';
import type { GoalStatus } from '../core/records';

export interface FamilyView {
  goals: { id: string; title: string; why: string; targetDate: string; status: GoalStatus; progress: number; pace: Pace }[];
  projects: { id: string; title: string; question: string; milestones: { title: string; due: string | null; done: boolean }[] }[];
  /** Only what the teacher wrote to share: never goal notes, decisions' notes or the staff document. */
  checkins: { date: string; note: string }[];
  nextSteps: { text: string; owner: 'student' | 'teacher'; due: string | null; done: boolean }[];
}

/** What a family link shows, from the student's plan and coach documents only. */
export function familyView(plan: Y.Doc | null, coach: Y.Doc | null, today = localDay()): FamilyView {
  const p = plan ? planDocument(plan) : null;
  const c = coach ? coachDocument(coach) : null;
  const progress = p?.progress.list() ?? [];
  const statusChanges = p?.statusChanges.list() ?? [];
  const decisions = c?.decisions.list() ?? [];
  const milestones = p?.milestones.list() ?? [];
  const goals = (p?.goals.list() ?? []).map((goal) => {
    const { status } = goalState(goal, statusChanges, decisions);
    const value = currentProgress(goal.id, progress);
    return { id: goal.id, title: goal.title, why: goal.why, targetDate: goal.targetDate, status, progress: value, pace: goalPace(goal, value, status, today) };
  });
  const projects = (p?.projects.list() ?? []).map((project) => ({
    id: project.id,
    title: project.title,
    question: project.question,
    milestones: milestones
      .filter((m) => m.projectId === project.id)
      .map((m) => ({ title: m.title, due: m.due, done: m.doneAt !== null })),
  }));
  const checkins = (c?.checkins.list() ?? [])
    .filter((ci) => ci.sharedNote.trim() !== '')
    .sort((a, b) => b.at - a.at)
    .map((ci) => ({ date: ci.date, note: ci.sharedNote }));
  const nextSteps = (c?.nextSteps.list() ?? []).map((s) => ({ text: s.text, owner: s.owner, due: s.due, done: s.doneAt !== null }));
  return { goals, projects, checkins, nextSteps };
}
