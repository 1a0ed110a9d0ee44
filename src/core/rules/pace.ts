import type { GoalStatus } from '../records';
import { daysBetween } from './dates';

export type Pace = 'ahead' | 'on-track' | 'behind' | 'overdue' | 'achieved' | 'closed';

/** How far ahead of the straight line from start to target date counts as ahead (percentage points). */
export const AHEAD_MARGIN = 15;
/** How far behind that line still counts as on track. */
export const BEHIND_MARGIN = 15;

/**
 * The pace of a goal from its target date and its progress: where a steady path from the start
 * date to the target date would be today, compared with where the student is.
 */
export function goalPace(
  goal: { startDate: string; targetDate: string },
  progress: number,
  status: GoalStatus,
  today: string,
): Pace {
  if (status === 'achieved' || progress >= 100) return 'achieved';
  if (status === 'dropped') return 'closed';
  const total = daysBetween(goal.startDate, goal.targetDate);
  const elapsed = daysBetween(goal.startDate, today);
  if (daysBetween(goal.targetDate, today) > 0) return 'overdue';
  const expected = total <= 0 ? 100 : Math.max(0, Math.min(100, (elapsed / total) * 100));
  if (progress >= expected + AHEAD_MARGIN) return 'ahead';
  if (progress >= expected - BEHIND_MARGIN) return 'on-track';
  return 'behind';
}

/** Pace expected today, as a percentage, for drawing the "where you should be" mark. */
export function expectedProgress(goal: { startDate: string; targetDate: string }, today: string): number {
  const total = daysBetween(goal.startDate, goal.targetDate);
  if (total <= 0) return 100;
  return Math.max(0, Math.min(100, Math.round((daysBetween(goal.startDate, today) / total) * 100)));
}
