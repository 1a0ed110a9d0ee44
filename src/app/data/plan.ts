import type * as Y from 'yjs';
import { LOCAL_EDIT, planDocument, type Actor, type Goal, type GoalState, type NewRecord, type Project, type RecordPatch } from '../../core';
import type * as R from '../../core/records';

/** What the goal form edits. */
export type GoalFields = Pick<Goal, 'title' | 'why' | 'horizon' | 'startDate' | 'targetDate' | 'path' | 'pathNote'>;

/**
 * Every write to a student's plan document, named for what the person did. Screens call these and
 * never the collections: one place for each action, whoever does it (student or teacher).
 * Each throws a RecordRefused (src/core) for a record that would not read back.
 */
export function planActions(doc: Y.Doc, by: Actor) {
  const plan = planDocument(doc);
  const now = () => Date.now();
  return {
    /** A goal the student proposes (the teacher's own goals go through teacherActions.addGoal). */
    proposeGoal(fields: GoalFields): string {
      return plan.goals.add({ ...fields, proposedBy: by, createdAt: now() });
    },
    /**
     * Saves an edited goal. A student answering the teacher's suggestion sends it back to the
     * teacher ('revised'); a change to an agreed goal shows as "changed since agreed" by itself.
     */
    editGoal(goalId: string, fields: Partial<GoalFields>, state: GoalState | null): void {
      doc.transact(() => {
        plan.goals.update(goalId, fields);
        if (by === 'student' && state?.stage === 'suggested') plan.statusChanges.add({ recordId: goalId, status: 'revised', at: now(), by });
      }, LOCAL_EDIT);
    },
    recordProgress(goalId: string, value: number, note = ''): string {
      return plan.progress.add({ goalId, value, note, at: now(), by });
    },
    /** "I did it!" on a goal or a project; for a goal the teacher confirms it (coachActions.confirmAchieved). */
    markAchieved(recordId: string): string {
      return plan.statusChanges.add({ recordId, status: 'achieved', at: now(), by });
    },
    proposeProject(fields: Pick<Project, 'title' | 'question'> & { catalogId: string | null }): string {
      return plan.projects.add({ ...fields, proposedBy: by, createdAt: now() });
    },
    addMilestone(projectId: string, title: string, due: string | null): string {
      return plan.milestones.add({ projectId, title, due, doneAt: null });
    },
    setMilestoneDone(milestoneId: string, done: boolean): void {
      plan.milestones.update(milestoneId, { doneAt: done ? now() : null });
    },
    addEvidence(fields: Omit<NewRecord<typeof R.Evidence>, 'at'>): string {
      return plan.evidence.add({ ...fields, at: now() });
    },
    editEvidence(evidenceId: string, patch: RecordPatch<typeof R.Evidence>): void {
      plan.evidence.update(evidenceId, patch);
    },
    removeEvidence(evidenceId: string): void {
      plan.evidence.remove(evidenceId);
    },
    /** Whether any evidence still shows this photo (so its stored copy may go). */
    usesPhoto(hash: string): boolean {
      return plan.evidence.list().some((e) => e.photoHash === hash);
    },
    selfAssess(targetId: string, level: R.Level, evidence: string): string {
      return plan.selfAssessments.add({ targetId, level, evidence, at: now() });
    },
    editSelfAssessment(id: string, evidence: string): void {
      plan.selfAssessments.update(id, { evidence });
    },
    startReflection(): string {
      return plan.reflections.add({ at: now() });
    },
    editReflection(id: string, patch: RecordPatch<typeof R.Reflection>): void {
      plan.reflections.update(id, patch);
    },
    addProfileItem(kind: R.ProfileItem['kind'], text: string): string {
      return plan.profileItems.add({ kind, text });
    },
    removeProfileItem(id: string): void {
      plan.profileItems.remove(id);
    },
  };
}

export type PlanActions = ReturnType<typeof planActions>;
