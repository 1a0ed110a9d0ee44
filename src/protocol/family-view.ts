import type * as Y from 'yjs';
import { classDocument, coachDocument, planDocument } from '../core/ydoc/documents';
import { goalState, type GoalStage } from '../core/rules/goal-status';
import { projectState, type ProjectStatus } from '../core/rules/project-state';
import { catalogIdsOf } from '../core/rules/summary';
import { currentProgress } from '../core/rules/progress';
import { goalPace, type Pace } from '../core/rules/pace';
import { localDay } from '../core/rules/dates';

/**
 * What a family link shows (`GET /api/family/:token`, beside the student's name, class and
 * language), and what the teacher prints as the family report.
 */
export interface FamilyView {
  /** Goals the teacher agreed to (and has not seen dropped): `stage` says agreed, changed since agreed, claimed or achieved. */
  goals: { id: string; title: string; why: string; targetDate: string; stage: GoalStage; progress: number; pace: Pace }[];
  /** The student's goal ideas the teacher has not agreed to yet: shown as proposals, never as goals. */
  proposals: { id: string; title: string }[];
  /** Projects agreed or chosen from the class catalog; `proposal` marks those still waiting for the teacher. */
  projects: { id: string; title: string; question: string; status: ProjectStatus; proposal: boolean; milestones: { title: string; due: string | null; done: boolean }[] }[];
  /** Only what the teacher wrote to share: never goal notes, decisions' notes or the staff document. */
  checkins: { date: string; note: string }[];
  nextSteps: { text: string; owner: 'student' | 'teacher'; due: string | null; done: boolean }[];
}

/**
 * A family's view from the student's plan and coach documents and the class's catalog only (the
 * staff document is never an input). States come from src/core/rules, so what a family sees is
 * what the teacher sees: agreement only from the coach document.
 */
export function familyView(plan: Y.Doc | null, coach: Y.Doc | null, cls: Y.Doc | null, today = localDay()): FamilyView {
  const p = plan ? planDocument(plan) : null;
  const c = coach ? coachDocument(coach) : null;
  const catalogIds = cls ? catalogIdsOf(classDocument(cls)) : new Set<string>();
  const progress = p?.progress.list() ?? [];
  const statusChanges = p?.statusChanges.list() ?? [];
  const decisions = c?.decisions.list() ?? [];
  const milestones = p?.milestones.list() ?? [];
  const goals: FamilyView['goals'] = [];
  const proposals: FamilyView['proposals'] = [];
  for (const goal of p?.goals.list() ?? []) {
    const state = goalState(goal, statusChanges, decisions);
    if (state.stage === 'dropped') continue;
    if (!state.agreed && state.stage !== 'achieved') {
      proposals.push({ id: goal.id, title: goal.title });
      continue;
    }
    const value = currentProgress(goal.id, progress);
    goals.push({ id: goal.id, title: goal.title, why: goal.why, targetDate: goal.targetDate, stage: state.stage, progress: value, pace: goalPace(goal, value, state.status, today) });
  }
  const projects = (p?.projects.list() ?? []).flatMap((project) => {
    const state = projectState(project, statusChanges, decisions, catalogIds);
    if (state.status === 'dropped') return [];
    return [{
      id: project.id,
      title: project.title,
      question: project.question,
      status: state.status,
      proposal: !state.agreed,
      milestones: milestones.filter((m) => m.projectId === project.id).map((m) => ({ title: m.title, due: m.due, done: m.doneAt !== null })),
    }];
  });
  const checkins = (c?.checkins.list() ?? [])
    .filter((ci) => ci.sharedNote.trim() !== '')
    .sort((a, b) => b.at - a.at)
    .map((ci) => ({ date: ci.date, note: ci.sharedNote }));
  const nextSteps = (c?.nextSteps.list() ?? []).map((s) => ({ text: s.text, owner: s.owner, due: s.due, done: s.doneAt !== null }));
  return { goals, proposals, projects, checkins, nextSteps };
}
