import { LIMITS } from '../../core';
import { useState } from 'preact/hooks';
import type { Milestone } from '../../core';
import type { PlanActions } from '../data/plan';
import { Field } from '../components/Field';
import { useStudentI18n as useI18n } from '../student-home/i18n';

/** The steps of a project, each with an optional due date, ticked off when done. */
export function Milestones(props: { actions: PlanActions; projectId: string; milestones: Milestone[]; readOnly: boolean }) {
  const { t, formatDate } = useI18n();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section class="card stack" aria-labelledby="steps-title">
      <h2 id="steps-title"><span aria-hidden="true">🚩 </span>{t('milestones.title')}</h2>
      {props.milestones.length === 0 && <p class="muted">{t('milestones.none')}</p>}
      <ul class="milestones">
        {props.milestones.map((m) => (
          <li key={m.id}>
            <label class="milestone">
              <input type="checkbox" checked={m.doneAt !== null} disabled={props.readOnly}
                onChange={(e) => props.actions.setMilestoneDone(m.id, e.currentTarget.checked)} />
              <span>
                <span class={m.doneAt !== null ? 'milestone__done' : undefined}>{m.title}</span>
                {m.due && <span class="muted"> · {t('home.due', { date: formatDate(m.due) })}</span>}
                {m.doneAt !== null && <span class="visually-hidden"> ({t('milestones.done')})</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {!props.readOnly && (
        <form class="stack milestone-form" noValidate onSubmit={(e) => {
          e.preventDefault();
          if (!title.trim()) return setError(t('milestones.titleRequired'));
          props.actions.addMilestone(props.projectId, title.trim(), due || null);
          setTitle('');
          setDue('');
        }}>
          <Field label={t('milestones.new')} error={error} limit={[title, LIMITS.title]}>
            {({ id, describedBy, invalid, maxLength }) => <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={maxLength} value={title} onInput={(e) => { setTitle(e.currentTarget.value); setError(null); }} />}
          </Field>
          <Field label={t('milestones.due')}>
            {({ id }) => <input id={id} type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="button">{t('milestones.add')}</button>
        </form>
      )}
    </section>
  );
}
