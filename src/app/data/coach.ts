import type * as Y from 'yjs';
import { coachDocument, LOCAL_EDIT, planDocument, type Goal } from '../../core';
import type { GoalFields } from './plan';

/**
 * The teacher's answers, written to the coach document (which only teachers write): the one
 * place agreement, suggestions and confirmations come from.
 */
export function coachActions(doc: Y.Doc) {
  const coach = coachDocument(doc);
  const now = () => Date.now();
  return {
    /** Agrees to a goal as it is now: a later change of its title or target date shows as "changed since agreed". */
    approveGoal(goal: Pick<Goal, 'id' | 'title' | 'targetDate'>): string {
      return coach.decisions.add({ recordId: goal.id, recordKind: 'goal', decision: 'agreed', title: goal.title, targetDate: goal.targetDate, note: '', at: now() });
    },
    approveProject(projectId: string): string {
      return coach.decisions.add({ recordId: projectId, recordKind: 'project', decision: 'agreed', note: '', at: now() });
    },
    /** A suggested change (or "not yet" to a claim): waits for the student. */
    suggest(kind: 'goal' | 'project', recordId: string, note: string): string {
      return coach.decisions.add({ recordId, recordKind: kind, decision: 'suggested', note, at: now() });
    },
    /** Confirms a goal achieved (the student's "I did it!" alone is a claim). */
    confirmAchieved(goalId: string): string {
      return coach.decisions.add({ recordId: goalId, recordKind: 'goal', decision: 'achieved', note: '', at: now() });
    },
  };
}

/**
 * A teacher's writes to a student's plan that carry their agreement with them: a goal the teacher
 * adds is agreed at once, and a teacher's edit of an agreed goal is agreed as edited (so it does
 * not show as "changed since agreed").
 */
export function teacherPlanActions(plan: Y.Doc, coach: Y.Doc) {
  const goals = planDocument(plan).goals;
  const answers = coachActions(coach);
  return {
    addGoal(fields: GoalFields): string {
      let id = '';
      plan.transact(() => {
        id = goals.add({ ...fields, proposedBy: 'teacher', createdAt: Date.now() });
      }, LOCAL_EDIT);
      answers.approveGoal({ id, title: fields.title, targetDate: fields.targetDate });
      return id;
    },
    editGoal(goalId: string, fields: GoalFields, agreed: boolean): void {
      goals.update(goalId, fields);
      if (agreed) answers.approveGoal({ id: goalId, title: fields.title, targetDate: fields.targetDate });
    },
  };
}
