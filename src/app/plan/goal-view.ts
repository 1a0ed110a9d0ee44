import * as Y from 'yjs';
import {
  coachDocument, currentProgress, expectedProgress, goalPace, goalState, planDocument, progressHistory,
  type Goal, type GoalState, type Pace, type ProgressUpdate,
} from '../../core';

export interface GoalView {
  goal: Goal;
  state: GoalState;
  progress: number;
  expected: number;
  pace: Pace;
  history: ProgressUpdate[];
}

/** Goals of one plan with their derived status, progress and pace; coach may be null before it loads. */
export function goalViews(plan: Y.Doc, coach: Y.Doc | null, today: string): GoalView[] {
  const p = planDocument(plan);
  const decisions = coach ? coachDocument(coach).decisions.list() : [];
  const updates = p.progress.list();
  const changes = p.statusChanges.list();
  return p.goals
    .list()
    .map((goal) => {
      const state = goalState(goal, changes, decisions);
      const progress = currentProgress(goal.id, updates);
      return {
        goal,
        state,
        progress,
        expected: expectedProgress(goal, today),
        pace: goalPace(goal, progress, state.status, today),
        history: progressHistory(goal.id, updates),
      };
    })
    .sort((a, b) => a.goal.targetDate.localeCompare(b.goal.targetDate) || a.goal.createdAt - b.goal.createdAt);
}
