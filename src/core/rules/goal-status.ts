import type { Decision, Goal, GoalStatus, StatusChange } from '../records';

/**
 * Where a goal stands, in the words every screen, the family view and the export use:
 * - `proposed`: the student proposed it; waiting for the teacher;
 * - `suggested`: the teacher suggested a change; waiting for the student;
 * - `revised`: the student changed it after a suggestion; waiting for the teacher;
 * - `agreed`: the teacher agreed to it as it is;
 * - `changed`: agreed, then the student changed its title or target date; waiting for the teacher;
 * - `claimed`: the student says it is achieved; waiting for the teacher to confirm;
 * - `achieved`: the teacher confirmed it achieved;
 * - `dropped`: the student stopped it.
 */
export const GOAL_STAGES = ['proposed', 'suggested', 'revised', 'agreed', 'changed', 'claimed', 'achieved', 'dropped'] as const;
export type GoalStage = (typeof GOAL_STAGES)[number];

/** Stages that wait for the teacher's answer ("waiting for your answer"). */
export const WAITING_FOR_TEACHER: ReadonlySet<GoalStage> = new Set(['proposed', 'revised', 'changed', 'claimed']);

export interface GoalState {
  stage: GoalStage;
  /** The stage as a plain status, for pace and counts: `achieved` only once the teacher confirmed. */
  status: GoalStatus;
  /** The teacher agreed to it at some point (a claim or a change does not undo that). */
  agreed: boolean;
  agreedAt: number | null;
  /** A change the teacher suggested, still waiting for the student. */
  suggestion: Decision | null;
  waitingFor: 'teacher' | 'student' | null;
}

type Lifecycle = 'open' | 'claimed' | 'achieved' | 'dropped';

/**
 * A goal's state from its timestamped history: the student's status changes (plan document) and
 * the teacher's decisions (coach document). Agreement and confirmation come only from the coach
 * document, which students cannot write: nothing a student writes into their plan (`proposedBy`,
 * a status change to `agreed`, `by: 'teacher'`) can make a goal agreed or achieved.
 */
export function goalState(goal: Pick<Goal, 'id' | 'title' | 'targetDate'>, changes: readonly StatusChange[], decisions: readonly Decision[]): GoalState {
  type Event = { at: number; id: string; change: StatusChange | null; decision: Decision | null };
  const events: Event[] = [];
  for (const c of changes) if (c.recordId === goal.id && !c.deleted) events.push({ at: c.at, id: c.id, change: c, decision: null });
  for (const d of decisions) {
    if (d.recordId === goal.id && !d.deleted && d.recordKind === 'goal') events.push({ at: d.at, id: d.id, change: null, decision: d });
  }
  events.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));

  let agreement: Decision | null = null;
  let suggestion: Decision | null = null;
  let answered = false;
  let lifecycle: Lifecycle = 'open';
  for (const { change, decision } of events) {
    if (decision) {
      if (decision.decision === 'agreed') {
        agreement = decision;
        suggestion = null;
        answered = false;
      } else if (decision.decision === 'suggested') {
        suggestion = decision;
        answered = false;
      }
      // The teacher's answer to a claim or a stop: agreeing or suggesting reopens the goal ("not yet").
      if (decision.decision !== 'achieved') {
        if (lifecycle === 'claimed' || lifecycle === 'dropped') lifecycle = 'open';
      } else {
        lifecycle = 'achieved';
      }
    } else if (change) {
      if (change.status === 'achieved') {
        if (lifecycle !== 'achieved') lifecycle = 'claimed';
      } else if (change.status === 'dropped') {
        lifecycle = 'dropped';
      } else if (change.status === 'revised' || change.status === 'proposed') {
        // The student answered a suggestion (or reopened the goal).
        suggestion = null;
        answered = true;
        if (lifecycle !== 'achieved') lifecycle = 'open';
      }
      // A student's 'agreed' is ignored: agreement is the teacher's.
    }
  }

  const changedSinceAgreed =
    agreement !== null &&
    ((agreement.title !== undefined && agreement.title !== goal.title) || (agreement.targetDate !== undefined && agreement.targetDate !== goal.targetDate));
  const stage: GoalStage =
    lifecycle === 'dropped'
      ? 'dropped'
      : lifecycle === 'achieved'
        ? 'achieved'
        : lifecycle === 'claimed'
          ? 'claimed'
          : suggestion
            ? 'suggested'
            : agreement
              ? changedSinceAgreed
                ? 'changed'
                : 'agreed'
              : answered
                ? 'revised'
                : 'proposed';
  return {
    stage,
    status: statusOf(stage, agreement !== null),
    agreed: agreement !== null,
    agreedAt: agreement?.at ?? null,
    suggestion: stage === 'suggested' ? suggestion : null,
    waitingFor: WAITING_FOR_TEACHER.has(stage) ? 'teacher' : stage === 'suggested' ? 'student' : null,
  };
}

function statusOf(stage: GoalStage, agreed: boolean): GoalStatus {
  switch (stage) {
    case 'achieved':
    case 'dropped':
    case 'revised':
    case 'agreed':
      return stage;
    case 'changed':
      return 'agreed';
    case 'claimed':
      return agreed ? 'agreed' : 'proposed';
    case 'proposed':
    case 'suggested':
      return 'proposed';
  }
}

export function isOpen(status: GoalStatus): boolean {
  return status === 'proposed' || status === 'agreed' || status === 'revised';
}
