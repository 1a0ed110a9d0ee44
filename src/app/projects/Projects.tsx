import { useState } from 'preact/hooks';
import { LIMITS } from '../../core';
import { planActions } from '../data/plan';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { href, navigate } from '../router';
import { StudentNav } from '../student-home/StudentNav';
import { classInfo, useStudentDocs } from '../student-home/use-student';
import { projectViews } from './project-state';
import { ProjectStatusBadge } from './ProjectStatusBadge';
import './projects.css';
import { SaveCancel } from '../components/SaveCancel';

/** My projects, and starting a new one: from the class's list, or my own idea for the teacher to approve. */
export function Projects() {
  const { t } = useI18n();
  const docs = useStudentDocs((plan, coach, cls) => projectViews(plan, coach, cls));
  const [adding, setAdding] = useState(false);
  if (!docs?.plan.data || !docs.plan.local) return <p class="muted">{t('app.loading')}</p>;
  const actions = planActions(docs.plan.local.doc, 'student');
  const catalog = docs.cls.data ? classInfo(docs.cls.data, docs.studentId).catalog : [];
  const taken = new Set(docs.plan.data.map((v) => v.project.catalogId).filter(Boolean));

  function start(fields: { title: string; question: string; catalogId: string | null }) {
    const id = actions.proposeProject(fields);
    setAdding(false);
    navigate({ name: 'project', projectId: id });
  }

  return (
    <section class="stack student" aria-labelledby="projects-title">
      <StudentNav />
      <h1 id="projects-title">{t('projects.title')}</h1>
      {docs.plan.readOnly && <Notice kind="warning">{t('app.readOnlyNewer')}</Notice>}
      {docs.plan.data.length === 0 && !adding && <p class="muted">{t('projects.none')}</p>}
      <ul class="project-list">
        {docs.plan.data.map((v) => (
          <li key={v.project.id}>
            <a class="card project-tile" href={href({ name: 'project', projectId: v.project.id })}>
              <span class="project-tile__title">{v.project.title}</span>
              <ProjectStatusBadge status={v.status} />
              <span class="muted">{t('projects.steps', { done: v.milestones.done, total: v.milestones.total })}</span>
            </a>
          </li>
        ))}
      </ul>
      {!docs.plan.readOnly && !adding && (
        <button type="button" class="button button--primary button--block" onClick={() => setAdding(true)}>
          <span aria-hidden="true">+</span>{t('projects.start')}
        </button>
      )}
      {adding && (
        <div class="stack">
          {catalog.length > 0 && (
            <section class="card stack" aria-labelledby="catalog-title">
              <h2 id="catalog-title"><span aria-hidden="true">📚 </span>{t('projects.fromClass')}</h2>
              <ul class="catalog-list">
                {catalog.map((c) => (
                  <li key={c.id} class="catalog-item">
                    <div>
                      <strong>{c.title}</strong>
                      {c.question && <p class="muted">{c.question}</p>}
                    </div>
                    <button type="button" class="button" disabled={taken.has(c.id)} onClick={() => start({ title: c.title, question: c.question, catalogId: c.id })}>
                      {taken.has(c.id) ? t('projects.already') : t('projects.choose', { title: c.title })}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <OwnProject onStart={start} onCancel={() => setAdding(false)} />
        </div>
      )}
    </section>
  );
}

function OwnProject(props: { onStart(fields: { title: string; question: string; catalogId: null }): void; onCancel(): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form class="card stack" aria-labelledby="own-title" noValidate
      onSubmit={(e) => { e.preventDefault(); if (!title.trim()) return setError(t('projects.titleRequired')); props.onStart({ title: title.trim(), question, catalogId: null }); }}>
      <h2 id="own-title"><span aria-hidden="true">💡 </span>{t('projects.ownIdea')}</h2>
      <p class="muted">{t('projects.ownHint')}</p>
      <Field label={t('projects.name')} error={error} limit={[title, LIMITS.title]}>
        {({ id, describedBy, invalid, maxLength }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={maxLength} value={title} onInput={(e) => { setTitle(e.currentTarget.value); setError(null); }} />}
      </Field>
      <Field label={t('projects.question')} hint={t('projects.questionHint')} limit={[question, LIMITS.question]}>
        {({ id, describedBy, maxLength }) => <textarea id={id} aria-describedby={describedBy} maxLength={maxLength} rows={2} value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />}
      </Field>
      <SaveCancel save={t('projects.propose')} onCancel={props.onCancel} />
    </form>
  );
}
