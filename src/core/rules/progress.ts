import type { ProgressUpdate } from '../records';

/** Updates for one goal, oldest first (ties broken by id so every device agrees). */
export function progressHistory(goalId: string, updates: readonly ProgressUpdate[]): ProgressUpdate[] {
  return updates
    .filter((u) => u.goalId === goalId && !u.deleted)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/**
 * Progress is a dated history rather than one field, so two devices updating it offline both keep
 * their entry and the value everyone sees is the most recent one, whichever device synced last.
 */
export function currentProgress(goalId: string, updates: readonly ProgressUpdate[]): number {
  const history = progressHistory(goalId, updates);
  return history.at(-1)?.value ?? 0;
}
