import type * as Y from 'yjs';
import { daysBetween, localDay } from '../../core';
import { familyView, type FamilyView } from '../../protocol/family-view';

export interface FamilyReportData {
  /** Agreed goals only. */
  goals: FamilyView['goals'];
  /** The student's ideas the teacher has not agreed to: printed apart, as proposals. */
  proposals: FamilyView['proposals'];
  notes: FamilyView['checkins'];
  nextSteps: FamilyView['nextSteps'];
  projects: (FamilyView['projects'][number] & { done: number; total: number })[];
}

/**
 * What one printed page for a family holds. Built from the student's plan and coach documents
 * only, through the same view the relay's family links serve: the teachers' staff document (with
 * the private notes) is never an input, so nothing private can reach the page.
 */
export function familyReportData(plan: Y.Doc, coach: Y.Doc, cls: Y.Doc | null, today = localDay()): FamilyReportData {
  const view = familyView(plan, coach, cls, today);
  const current = view.goals.filter((g) => g.stage !== 'achieved');
  const recent = view.goals.filter((g) => g.stage === 'achieved' && daysBetween(g.targetDate, today) <= 45);
  const goals = [...current.sort((a, b) => a.targetDate.localeCompare(b.targetDate)), ...recent].slice(0, 6);
  const projects = view.projects
    .map((p) => ({ ...p, done: p.milestones.filter((m) => m.done).length, total: p.milestones.length }))
    .filter((p) => p.done < p.total || p.total === 0)
    .slice(-3);
  return {
    goals,
    proposals: view.proposals.slice(0, 6),
    notes: view.checkins.slice(0, 3),
    nextSteps: view.nextSteps.filter((s) => !s.done).slice(-5),
    projects,
  };
}
