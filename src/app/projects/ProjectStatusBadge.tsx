import { useStudentI18n as useI18n } from '../student-home/i18n';
import type { ProjectStatus } from '../../core';

const SYMBOL: Record<ProjectStatus, string> = { proposed: '⏳', suggested: '✎', active: '▶', done: '✓', dropped: '–' };

/** Status in words and a symbol, never colour alone. */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useI18n();
  return (
    <span class={`badge project-badge project-badge--${status}`}>
      <span aria-hidden="true">{SYMBOL[status]}</span> {t(`projects.status.${status}`)}
    </span>
  );
}
