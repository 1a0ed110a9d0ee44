import type { Evidence, Milestone, Reflection } from '../../core';
import { localDay } from '../../core';
import { useTeacherI18n } from '../dashboard/i18n';
import type { ProjectView } from '../projects/project-state';
import { EvidencePhoto } from '../projects/EvidencePhoto';

/** Projects with their milestones and evidence, as the teacher reads them. */
export function ProjectsSummary({ studentId, projects, milestones, evidence }: { studentId: string; projects: ProjectView[]; milestones: readonly Milestone[]; evidence: readonly Evidence[] }) {
  const { t, formatDate } = useTeacherI18n();
  return (
    <section class="stack" aria-labelledby="sv-projects">
      <h2 id="sv-projects">{t('sv.projects')} <span class="count">({projects.length})</span></h2>
      {projects.length === 0 && <p class="muted">{t('sv.noProjects')}</p>}
      {projects.map(({ project, status, milestones: counts }) => {
        const steps = milestones.filter((m) => m.projectId === project.id).sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''));
        const proofs = evidence.filter((e) => e.projectId === project.id).sort((a, b) => b.at - a.at);
        return (
          <details key={project.id} class="card sv-project">
            <summary>
              <strong>{project.title}</strong> <span class="muted">· {t(`sv.projectStatus.${status}`)} · {t('sv.stepsDone', { done: counts.done, total: counts.total })}</span>
            </summary>
            <div class="stack sv-project__body">
              {project.question && <p>{project.question}</p>}
              {steps.length > 0 && (
                <ul class="milestones-list">
                  {steps.map((m) => (
                    <li key={m.id}>{m.doneAt ? '✓' : '○'} {m.title}{m.due && <span class="muted"> · {formatDate(m.due)}</span>}{m.doneAt ? <span class="muted"> · {t('sv.stepDone')}</span> : m.due && m.due < localDay() ? <strong> · {t('sv.late')}</strong> : null}</li>
                  ))}
                </ul>
              )}
              {proofs.length > 0 && (
                <div>
                  <h3>{t('sv.evidence')}</h3>
                  <ul class="evidence-list">
                    {proofs.map((e) => (
                      <li key={e.id}>
                        <span class="muted">{formatDate(localDay(e.at))}:</span>{' '}
                        {e.kind === 'link' ? <a href={e.url} rel="noopener noreferrer">{e.text || e.url}</a> : e.kind === 'photo' ? <EvidencePhoto studentId={studentId} hash={e.photoHash} alt={e.text || t('sv.photo')} /> : e.text}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          </details>
        );
      })}
    </section>
  );
}

export function ReflectionsSummary({ reflections }: { reflections: readonly Reflection[] }) {
  const { t, formatDate } = useTeacherI18n();
  const recent = [...reflections].sort((a, b) => b.at - a.at);
  const [shown, rest] = [recent.slice(0, 5), recent.length - 5];
  return (
    <section class="stack" aria-labelledby="sv-reflections">
      <h2 id="sv-reflections">{t('sv.reflections')} <span class="count">({reflections.length})</span></h2>
      {recent.length === 0 && <p class="muted">{t('sv.noReflections')}</p>}
      <ul class="reflection-list">
        {shown.map((r) => (
          <li key={r.id} class="card">
            <p class="muted">{formatDate(localDay(r.at))}{r.mood ? ` · ${t(`sv.mood.${r.mood}`)}` : ''}</p>
            {r.did && <p><strong>{t('sv.did')}</strong> {r.did}</p>}
            {r.hard && <p><strong>{t('sv.hard')}</strong> {r.hard}</p>}
            {r.next && <p><strong>{t('sv.next')}</strong> {r.next}</p>}
          </li>
        ))}
      </ul>
      {rest > 0 && <p class="muted">{t('sv.moreReflections', { count: rest })}</p>}
    </section>
  );
}
