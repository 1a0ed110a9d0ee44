import { useState } from 'preact/hooks';
import { classDocument, LIMITS } from '../../core';
import { Field } from '../components/Field';
import { useTeacherI18n } from '../dashboard/i18n';
import { useYDoc } from '../hooks/useYDoc';
import { classActions } from '../data/class';

/** Projects students can choose from (a project picked from here needs no approval). */
export function Catalog({ classId }: { classId: string }) {
  const { t } = useTeacherI18n();
  const { data: projects, local, readOnly } = useYDoc({ kind: 'class', classId }, (doc) => classDocument(doc).catalog.list());
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const [weeks, setWeeks] = useState(4);
  const [error, setError] = useState<string | null>(null);
  function submit(event: Event) {
    event.preventDefault();
    if (!local) return;
    if (!title.trim()) return setError(t('cat.titleRequired'));
    classActions(local.doc).addCatalogProject({ title: title.trim(), question: question.trim(), weeks });
    setTitle('');
    setQuestion('');
  }
  return (
    <section class="card stack" aria-labelledby="catalog-title">
      <h2 id="catalog-title">{t('cat.title')} {projects && <span class="count">({projects.length})</span>}</h2>
      <p class="muted">{t('cat.hint')}</p>
      {projects && projects.length > 0 && (
        <ul class="catalog-list">
          {projects.map((p) => (
            <li key={p.id}>
              <strong>{p.title}</strong> <span class="muted">· {t('cat.weeks', { count: p.weeks })}</span>
              {p.question && <p class="muted">{p.question}</p>}
              {!readOnly && local && <button type="button" class="button button--quiet" aria-label={t('cat.removeNamed', { title: p.title })} onClick={() => classActions(local.doc).removeCatalogProject(p.id)}>{t('cat.remove')}</button>}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form class="stack" onSubmit={submit} noValidate>
          <Field label={t('cat.projectTitle')} error={error} limit={[title, LIMITS.title]}>
            {({ id, describedBy, invalid, maxLength }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={maxLength} value={title} onInput={(e) => { setTitle(e.currentTarget.value); setError(null); }} />}
          </Field>
          <Field label={t('cat.question')} limit={[question, LIMITS.question]}>
            {({ id, describedBy, maxLength }) => <input id={id} aria-describedby={describedBy} maxLength={maxLength} value={question} onInput={(e) => setQuestion(e.currentTarget.value)} />}
          </Field>
          <Field label={t('cat.weeksLabel')}>
            {({ id }) => <input id={id} type="number" min={1} max={52} value={weeks} onInput={(e) => { const n = Number(e.currentTarget.value); if (Number.isInteger(n) && n >= 1 && n <= 52) setWeeks(n); }} />}
          </Field>
          <button type="submit" class="button">{t('cat.add')}</button>
        </form>
      )}
    </section>
  );
}
