import type * as Y from 'yjs';
import { coachDocument, planDocument, type Decision, type Project } from '../../core';

export type ProjectStatus = 'proposed' | 'active' | 'done' | 'dropped';

export interface ProjectView {
  project: Project;
  status: ProjectStatus;
  /** The teacher's latest suggestion, while the project waits for approval. */
  suggestion: Decision | null;
  milestones: { total: number; done: number };
}

/**
 * A project's status from its history: one chosen from the class catalog (or added by the teacher)
 * is active at once; one the student proposed waits for the teacher's approval (a Decision in the
 * coach document, which only teachers write). The student marks it done with a status change.
 */
export function projectViews(plan: Y.Doc, coach: Y.Doc | null): ProjectView[] {
  const p = planDocument(plan);
  const decisions = coach ? coachDocument(coach).decisions.list().filter((d) => d.recordKind === 'project') : [];
  const changes = p.statusChanges.list();
  const milestones = p.milestones.list();
  return p.projects
    .list()
    .map((project) => {
      const own = project.proposedBy === 'student' && project.catalogId === null;
      const mine = decisions.filter((d) => d.recordId === project.id).sort((a, b) => a.at - b.at);
      const agreed = mine.some((d) => d.decision === 'agreed');
      const last = mine[mine.length - 1] ?? null;
      const closing = changes.filter((c) => c.recordId === project.id && (c.status === 'achieved' || c.status === 'dropped')).sort((a, b) => a.at - b.at).pop();
      let status: ProjectStatus = own && !agreed ? 'proposed' : 'active';
      if (closing) status = closing.status === 'achieved' ? 'done' : 'dropped';
      const ms = milestones.filter((m) => m.projectId === project.id);
      return {
        project,
        status,
        suggestion: status === 'proposed' && last?.decision === 'suggested' ? last : null,
        milestones: { total: ms.length, done: ms.filter((m) => m.doneAt !== null).length },
      };
    })
    .sort((a, b) => b.project.createdAt - a.project.createdAt);
}
