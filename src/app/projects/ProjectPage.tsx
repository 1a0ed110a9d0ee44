import { useState } from 'preact/hooks';
import { planDocument } from '../../core';
import { Notice } from '../components/Notice';
import { planActions } from '../data/plan';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { href } from '../router';
import { StudentNav } from '../student-home/StudentNav';
import { classInfo, useStudentDocs } from '../student-home/use-student';
import { UndoButton } from '../undo/UndoButton';
import { AddEvidence } from './AddEvidence';
import { EvidencePhoto } from './EvidencePhoto';
import { Milestones } from './Milestones';
import { projectViews } from './project-state';
import { ProjectStatusBadge } from './ProjectStatusBadge';
import { SelfAssess } from './SelfAssess';
import './projects.css';

/** One project: its steps with due dates, what I made (text, link, photo), and how I rate myself on its learning targets. */
export function ProjectPage({ projectId }: { projectId: string }) {
  const { t, formatDate } = useI18n();
  /** The evidence being added right now (saved already, shown in the form rather than in the list). */
  const [draftId, setDraftId] = useState<string | null>(null);
  const docs = useStudentDocs((plan, coach, cls) => {
    const p = planDocument(plan);
    return {
      view: projectViews(plan, coach, cls).find((v) => v.project.id === projectId) ?? null,
      milestones: p.milestones.list().filter((m) => m.projectId === projectId).sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999')),
      evidence: p.evidence.list().filter((e) => e.projectId === projectId).sort((a, b) => b.at - a.at),
      assessments: p.selfAssessments.list(),
    };
  });
  if (!docs?.plan.data || !docs.plan.local) return <p class="muted">{t('app.loading')}</p>;
  const { view, milestones, evidence, assessments } = docs.plan.data;
  if (!view) {
    return (
      <section class="stack student">
        <StudentNav />
        <h1>{t('projects.notFound')}</h1>
        <a class="button" href={href({ name: 'projects' })}>{t('projects.back')}</a>
      </section>
    );
  }
  const doc = docs.plan.local.doc;
  const actions = planActions(doc, 'student');
  const readOnly = docs.plan.readOnly;
  const info = docs.cls.data ? classInfo(docs.cls.data, docs.studentId) : { targets: [], catalog: [] };
  const fromCatalog = info.catalog.find((c) => c.id === view.project.catalogId);
  const targets = fromCatalog?.targetIds.length ? info.targets.filter((x) => fromCatalog.targetIds.includes(x.id)) : info.targets;
  const canWork = !readOnly && view.status !== 'dropped';

  return (
    <section class="stack student" aria-labelledby="project-title">
      <StudentNav />
      <a href={href({ name: 'projects' })} class="back-link"><span aria-hidden="true">← </span>{t('projects.back')}</a>
      <div class="title-row">
        <h1 id="project-title">{view.project.title}</h1>
        <UndoButton doc={doc} disabled={readOnly} />
      </div>
      <p><ProjectStatusBadge status={view.status} /></p>
      {view.project.question && <p class="project-question"><span aria-hidden="true">❓ </span>{view.project.question}</p>}
      {readOnly && <Notice kind="warning">{t('app.readOnlyNewer')}</Notice>}
      {view.status === 'proposed' && <Notice kind="info">{t('projects.waiting')}</Notice>}
      {view.suggestion && <Notice kind="info"><strong>{t('projects.suggested')}</strong>{view.suggestion.note && <> “{view.suggestion.note}”</>}</Notice>}

      <Milestones actions={actions} projectId={projectId} milestones={milestones} readOnly={!canWork} />

      <section class="card stack" aria-labelledby="evidence-title">
        <h2 id="evidence-title"><span aria-hidden="true">📸 </span>{t('evidence.title')}</h2>
        {evidence.length === 0 && draftId === null && <p class="muted">{t('evidence.none')}</p>}
        <ul class="evidence-list">
          {evidence.filter((e) => e.id !== draftId).map((e) => (
            <li key={e.id} class="evidence">
              {e.kind === 'photo' && e.photoHash && <EvidencePhoto studentId={docs.studentId} hash={e.photoHash} alt={e.text || t('evidence.photoAlt', { title: view.project.title })} />}
              {e.kind === 'link' && <a href={e.url} target="_blank" rel="noopener noreferrer">{e.url}</a>}
              {e.text && <p>{e.text}</p>}
              <p class="muted evidence__date">{formatDate(new Date(e.at).toISOString().slice(0, 10))}</p>
              {canWork && <button type="button" class="button button--quiet" onClick={() => actions.removeEvidence(e.id)}>{t('evidence.remove')}</button>}
            </li>
          ))}
        </ul>
        {canWork && <AddEvidence actions={actions} projectId={projectId} onDraft={setDraftId} />}
      </section>

      {targets.length > 0 && <SelfAssess actions={actions} targets={targets} assessments={assessments} readOnly={!canWork} />}

      {canWork && view.status === 'active' && (
        <button type="button" class="button button--block" onClick={() => actions.markAchieved(projectId)}>
          <span aria-hidden="true">🏁 </span>{t('projects.markDone')}
        </button>
      )}
    </section>
  );
}
