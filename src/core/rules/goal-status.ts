import type { Decision, Goal, GoalStatus, StatusChange } from '../records';

export interface GoalState {
  status: GoalStatus;
  /** A change the teacher suggested after the last status change, still waiting for the student. */
  suggestion: Decision | null;
  agreedAt: number | null;
}

/**
 * A goal's status from its timestamped history: the student's changes (plan document) and the
 * teacher's decisions (coach document). Agreement only counts from the coach document, which
 * students cannot write, so a student cannot agree to their own goal.
 */
export function goalState(
  goal: Pick<Goal, 'id' | 'proposedBy' | 'createdAt'>,
  changes: readonly StatusChange[],
  decisions: readonly Decision[],
): GoalState {
  type Event = { at: number; id: string; status: GoalStatus | null; decision: Decision | null };
  const events: Event[] = [];
  for (const c of changes) {
    if (c.recordId !== goal.id || c.deleted || c.status === 'agreed') continue;
    events.push({ at: c.at, id: c.id, status: c.status, decision: null });
  }
  for (const d of decisions) {
    if (d.recordId !== goal.id || d.deleted || d.recordKind !== 'goal') continue;
    events.push({ at: d.at, id: d.id, status: d.decision === 'agreed' ? 'agreed' : null, decision: d });
  }
  events.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  let status: GoalStatus = goal.proposedBy === 'teacher' ? 'agreed' : 'proposed';
  let suggestion: Decision | null = null;
  let agreedAt: number | null = goal.proposedBy === 'teacher' ? goal.createdAt : null;
  for (const e of events) {
    if (e.decision?.decision === 'suggested') {
      suggestion = e.decision;
      continue;
    }
    if (e.status) {
      status = e.status;
      suggestion = null;
      if (e.status === 'agreed') agreedAt = e.at;
    }
  }
  return { status, suggestion, agreedAt };
}

export function isOpen(status: GoalStatus): boolean {
  return status === 'proposed' || status === 'agreed' || status === 'revised';
}
