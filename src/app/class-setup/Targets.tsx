import { useState } from 'preact/hooks';
import { classDocument, LIMITS } from '../../core';
import { Field } from '../components/Field';
import { useYDoc } from '../hooks/useYDoc';
import { useI18n } from '../i18n';
import { classActions } from '../data/class';

const EMPTY_LEVELS = ['', '', '', ''];

export function Targets({ classId }: { classId: string }) {
  const { t } = useI18n();
  const { data: targets, local, readOnly } = useYDoc({ kind: 'class', classId }, (doc) => classDocument(doc).targets.list());
  const [title, setTitle] = useState('');
  const [subject, setSubject] = useState('');
  const [levels, setLevels] = useState<string[]>(EMPTY_LEVELS);
  const [error, setError] = useState<string | null>(null);

  function submit(event: Event) {
    event.preventDefault();
    if (!local) return;
    if (!title.trim()) return setError(t('goal.titleRequired'));
    classActions(local.doc).addTarget({ title: title.trim(), subject: subject.trim(), levels: levels.map((l) => l.trim()) });
    setTitle('');
    setSubject('');
    setLevels(EMPTY_LEVELS);
  }

  return (
    <section class="card stack" aria-labelledby="targets-title">
      <h2 id="targets-title">{t('setup.targets')}</h2>
      <p class="muted">{t('setup.targetsHint')}</p>
      {targets && targets.length === 0 && <p class="muted">{t('setup.targetsEmpty')}</p>}
      {targets && targets.length > 0 && (
        <ul class="target-list">
          {targets.map((target) => (
            <li key={target.id}>
              <strong>{target.title}</strong> {target.subject && <span class="muted">· {target.subject}</span>}
              <ol class="levels">
                {target.levels.map((text, i) => text && <li key={i}><span class="muted">{t('setup.level', { level: i + 1 })}:</span> {text}</li>)}
              </ol>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form class="stack" onSubmit={submit} noValidate>
          <Field label={t('setup.targetTitle')} error={error} limit={[title, LIMITS.title]}>
            {({ id, describedBy, invalid, maxLength }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={maxLength} value={title} onInput={(e) => { setTitle(e.currentTarget.value); setError(null); }} />
            )}
          </Field>
          <Field label={t('setup.targetSubject')} limit={[subject, LIMITS.title]}>
            {({ id, describedBy, maxLength }) => <input id={id} aria-describedby={describedBy} maxLength={maxLength} value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />}
          </Field>
          <div class="levels-grid">
            {levels.map((text, i) => (
              <Field key={i} label={t('setup.level', { level: i + 1 })} limit={[text, LIMITS.level]}>
                {({ id, describedBy, maxLength }) => (
                  <input id={id} aria-describedby={describedBy} maxLength={maxLength} value={text} onInput={(e) => { const next = [...levels]; next[i] = e.currentTarget.value; setLevels(next); }} />
                )}
              </Field>
            ))}
          </div>
          <button type="submit" class="button">{t('setup.addTarget')}</button>
        </form>
      )}
    </section>
  );
}
