import type { Decision, Project, StatusChange } from '../records';

/**
 * Where a project stands:
 * - `proposed`: the student's own idea; waiting for the teacher;
 * - `suggested`: the teacher suggested a change; waiting for the student;
 * - `active`: agreed by the teacher, or chosen from the class's project catalog (which the
 *   teacher wrote, so choosing from it needs no answer);
 * - `done` / `dropped`: the student finished or stopped it.
 */
export const PROJECT_STATUSES = ['proposed', 'suggested', 'active', 'done', 'dropped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface ProjectState {
  status: ProjectStatus;
  agreed: boolean;
  /** The teacher's latest suggestion, while it waits for the student. */
  suggestion: Decision | null;
  waitingFor: 'teacher' | 'student' | null;
}

/**
 * A project's state. Agreement comes only from the coach document (teachers write it) or from
 * the class catalog (`catalogIds`, from the class document, which only teachers write): a
 * student-written `proposedBy` or a `catalogId` that is not in the catalog agrees nothing.
 */
export function projectState(
  project: Pick<Project, 'id' | 'catalogId'>,
  changes: readonly StatusChange[],
  decisions: readonly Decision[],
  catalogIds: ReadonlySet<string>,
): ProjectState {
  const mine = decisions
    .filter((d) => d.recordId === project.id && d.recordKind === 'project' && !d.deleted)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  const agreed = mine.some((d) => d.decision === 'agreed') || (project.catalogId !== null && catalogIds.has(project.catalogId));
  const last = mine.at(-1) ?? null;
  const closing = changes
    .filter((c) => c.recordId === project.id && !c.deleted && (c.status === 'achieved' || c.status === 'dropped'))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
    .at(-1);
  let status: ProjectStatus;
  if (closing) status = closing.status === 'achieved' ? 'done' : 'dropped';
  else if (agreed) status = 'active';
  else status = last?.decision === 'suggested' ? 'suggested' : 'proposed';
  return {
    status,
    agreed,
    suggestion: status === 'suggested' ? last : null,
    waitingFor: status === 'proposed' ? 'teacher' : status === 'suggested' ? 'student' : null,
  };
}
