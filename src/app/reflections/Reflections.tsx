import { useState } from 'preact/hooks';
import { LIMITS, MOODS, planDocument, type Mood, type Reflection } from '../../core';
import { planActions, type PlanActions } from '../data/plan';
import { Field } from '../components/Field';
import { Notice } from '../components/Notice';
import { useStudentI18n as useI18n } from '../student-home/i18n';
import { StudentNav } from '../student-home/StudentNav';
import { useStudentDocs } from '../student-home/use-student';
import { UndoButton } from '../undo/UndoButton';
import './reflections.css';

export const MOOD_FACES: Record<Mood, string> = { great: '🤩', good: '🙂', okay: '😐', low: '🙁', stuck: '😣' };
const PROMPTS = ['did', 'hard', 'next'] as const;

/** My journal: short entries with questions a 10-year-old understands. Every letter is saved as it is typed. */
export function Reflections() {
  const { t, formatDate } = useI18n();
  const docs = useStudentDocs((plan) => planDocument(plan).reflections.list().sort((a, b) => b.at - a.at));
  const [openId, setOpenId] = useState<string | null>(null);
  if (!docs?.plan.data || !docs.plan.local) return <p class="muted">{t('app.loading')}</p>;
  const actions = planActions(docs.plan.local.doc, 'student');
  const readOnly = docs.plan.readOnly;
  const open = docs.plan.data.find((r) => r.id === openId) ?? null;
  const earlier = docs.plan.data.filter((r) => r.id !== openId);
  const day = (r: Reflection) => formatDate(new Date(r.at).toISOString().slice(0, 10));

  return (
    <section class="stack student" aria-labelledby="journal-title">
      <StudentNav />
      <div class="title-row">
        <h1 id="journal-title">{t('journal.title')}</h1>
        <UndoButton doc={docs.plan.local.doc} disabled={readOnly} />
      </div>
      {readOnly && <Notice kind="warning">{t('app.readOnlyNewer')}</Notice>}
      {!readOnly && !open && (
        <button type="button" class="button button--primary button--block" onClick={() => setOpenId(actions.startReflection())}>
          <span aria-hidden="true">✏️ </span>{t('journal.new')}
        </button>
      )}
      {open && <Entry actions={actions} entry={open} readOnly={readOnly} onDone={() => setOpenId(null)} />}
      {earlier.length > 0 && (
        <section class="stack" aria-labelledby="journal-earlier">
          <h2 id="journal-earlier">{t('journal.earlier')}</h2>
          <ul class="journal-list">
            {earlier.map((r) => (
              <li key={r.id} class="card journal-entry">
                <p class="journal-entry__head">
                  <strong>{day(r)}</strong>
                  {r.mood && <span><span aria-hidden="true">{MOOD_FACES[r.mood]} </span>{t(`journal.mood.${r.mood}`)}</span>}
                </p>
                {PROMPTS.map((k) => r[k] && <p key={k}><span class="muted">{t(`journal.${k}`)}</span><br />{r[k]}</p>)}
                {!readOnly && <button type="button" class="button button--quiet" onClick={() => setOpenId(r.id)}>{t('journal.edit')}</button>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {docs.plan.data.length === 0 && <p class="muted">{t('journal.none')}</p>}
    </section>
  );
}

function Entry(props: { actions: PlanActions; entry: Reflection; readOnly: boolean; onDone(): void }) {
  const { t } = useI18n();
  const { entry, actions } = props;
  return (
    <form class="card stack journal-form" aria-labelledby="entry-title" onSubmit={(e) => { e.preventDefault(); props.onDone(); }}>
      <h2 id="entry-title">{t('journal.today')}</h2>
      <fieldset class="moods" disabled={props.readOnly}>
        <legend>{t('journal.feel')}</legend>
        {MOODS.map((m) => (
          <label key={m} class={`mood${entry.mood === m ? ' mood--on' : ''}`}>
            <input type="radio" name="mood" value={m} checked={entry.mood === m} onChange={() => actions.editReflection(entry.id, { mood: m })} />
            <span aria-hidden="true" class="mood__face">{MOOD_FACES[m]}</span>
            <span>{t(`journal.mood.${m}`)}</span>
          </label>
        ))}
      </fieldset>
      {PROMPTS.map((k) => (
        <Field key={k} label={t(`journal.${k}`)} hint={t(`journal.${k}Hint`)} limit={[entry[k], LIMITS.note]}>
          {({ id, describedBy, maxLength }) => (
            <textarea id={id} aria-describedby={describedBy} maxLength={maxLength} rows={2} value={entry[k]} disabled={props.readOnly}
              onInput={(e) => actions.editReflection(entry.id, { [k]: e.currentTarget.value })} />
          )}
        </Field>
      ))}
      <p class="muted" role="status">{t('journal.savedAsYouType')}</p>
      <button type="submit" class="button button--primary">{t('journal.done')}</button>
    </form>
  );
}
