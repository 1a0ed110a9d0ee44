import type { Decision, Goal, Project, StatusChange } from '../records';
import { goalState, type GoalStage } from './goal-status';
import { projectState, type ProjectStatus } from './project-state';

/** Something a student wrote that waits for the teacher's answer. */
export interface WaitingItem {
  kind: 'goal' | 'project';
  id: string;
  title: string;
  /** The goal's why or the project's question. */
  detail: string;
  /** A goal's target date now (what the teacher agrees to); null for a project. */
  targetDate: string | null;
  stage: GoalStage | ProjectStatus;
  /** What was agreed, for a goal changed since: the teacher sees the change. */
  agreed: { title: string | undefined; targetDate: string | undefined } | null;
}

export interface WaitingInput {
  goals: readonly Goal[];
  projects: readonly Project[];
  statusChanges: readonly StatusChange[];
  decisions: readonly Decision[];
  catalogIds: ReadonlySet<string>;
}

/**
 * "Waiting for your answer": the student's goals and projects the teacher has not answered yet
 * (proposed, revised after a suggestion, changed since agreed, claimed achieved). The dashboard's
 * count and the student page's list are both this.
 */
export function waitingForTeacher(input: WaitingInput): WaitingItem[] {
  const items: WaitingItem[] = [];
  for (const goal of input.goals) {
    const state = goalState(goal, input.statusChanges, input.decisions);
    if (state.waitingFor !== 'teacher') continue;
    const agreement = state.stage === 'changed' ? latestAgreement(goal.id, input.decisions) : null;
    items.push({
      kind: 'goal',
      id: goal.id,
      title: goal.title,
      detail: goal.why,
      targetDate: goal.targetDate,
      stage: state.stage,
      agreed: agreement ? { title: agreement.title, targetDate: agreement.targetDate } : null,
    });
  }
  for (const project of input.projects) {
    const state = projectState(project, input.statusChanges, input.decisions, input.catalogIds);
    if (state.waitingFor !== 'teacher') continue;
    items.push({ kind: 'project', id: project.id, title: project.title, detail: project.question, targetDate: null, stage: state.status, agreed: null });
  }
  return items;
}

function latestAgreement(goalId: string, decisions: readonly Decision[]): Decision | null {
  return decisions.filter((d) => d.recordId === goalId && d.decision === 'agreed' && !d.deleted).sort((a, b) => a.at - b.at).at(-1) ?? null;
}
