import { useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { coachDocument, type Actor } from '../../core';
import { Field } from '../components/Field';
import { useI18n } from '../i18n';

interface NextStepsProps {
  coach: Y.Doc;
  checkinId: string | null;
  previousId: string | null;
  readOnly: boolean;
  ensure(): string;
}

export function NextSteps({ coach, checkinId, previousId, readOnly, ensure }: NextStepsProps) {
  const { t, formatDate } = useI18n();
  const steps = coachDocument(coach).nextSteps;
  const all = steps.list();
  const earlier = previousId ? all.filter((s) => s.checkinId === previousId) : [];
  const mine = checkinId ? all.filter((s) => s.checkinId === checkinId) : [];
  const [text, setText] = useState('');
  const [owner, setOwner] = useState<Actor>('student');
  const [due, setDue] = useState('');

  function add(event: Event) {
    event.preventDefault();
    if (!text.trim()) return;
    steps.add({ checkinId: ensure(), text: text.trim(), owner, due: due || null });
    setText('');
    setDue('');
  }

  return (
    <section class="card stack" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('checkin.nextSteps')}</h2>
      {earlier.length > 0 && (
        <div>
          <h3>{t('checkin.lastNextSteps')}</h3>
          <ul class="steps">
            {earlier.map((s) => (
              <li key={s.id}>
                <label>
                  <input type="checkbox" disabled={readOnly} checked={Boolean(s.doneAt)}
                    onChange={(e) => steps.update(s.id, { doneAt: e.currentTarget.checked ? Date.now() : null })} />
                  {s.text} <span class="muted">· {t(`checkin.stepOwner.${s.owner}`)}{s.due ? ` · ${formatDate(s.due)}` : ''}</span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      {mine.length > 0 && (
        <ul class="steps">
          {mine.map((s) => (
            <li key={s.id}>{s.text} <span class="muted">· {t(`checkin.stepOwner.${s.owner}`)}{s.due ? ` · ${formatDate(s.due)}` : ''}</span></li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form class="stack" onSubmit={add} noValidate>
          <Field label={t('checkin.stepText')}>
            {({ id }) => <input id={id} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
          </Field>
          <div class="two-col">
            <Field label={t('checkin.stepOwner')}>
              {({ id }) => (
                <select id={id} value={owner} onChange={(e) => setOwner(e.currentTarget.value as Actor)}>
                  <option value="student">{t('checkin.stepOwner.student')}</option>
                  <option value="teacher">{t('checkin.stepOwner.teacher')}</option>
                </select>
              )}
            </Field>
            <Field label={t('checkin.stepDue')}>
              {({ id }) => <input id={id} type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />}
            </Field>
          </div>
          <button type="submit" class="button">{t('checkin.addStep')}</button>
        </form>
      )}
    </section>
  );
}
