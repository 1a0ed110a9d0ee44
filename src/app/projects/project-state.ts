import type * as Y from 'yjs';
import { catalogIdsOf, classDocument, coachDocument, planDocument, projectState, type Project, type ProjectState } from '../../core';

export interface ProjectView extends ProjectState {
  project: Project;
  milestones: { total: number; done: number };
}

/** The plan's projects with their state (src/core/rules/project-state.ts), newest first; coach and class may be null before they load. */
export function projectViews(plan: Y.Doc, coach: Y.Doc | null, cls: Y.Doc | null): ProjectView[] {
  const p = planDocument(plan);
  const decisions = coach ? coachDocument(coach).decisions.list() : [];
  const catalogIds = cls ? catalogIdsOf(classDocument(cls)) : new Set<string>();
  const changes = p.statusChanges.list();
  const milestones = p.milestones.list();
  return p.projects
    .list()
    .map((project) => {
      const ms = milestones.filter((m) => m.projectId === project.id);
      return {
        ...projectState(project, changes, decisions, catalogIds),
        project,
        milestones: { total: ms.length, done: ms.filter((m) => m.doneAt !== null).length },
      };
    })
    .sort((a, b) => b.project.createdAt - a.project.createdAt);
}
