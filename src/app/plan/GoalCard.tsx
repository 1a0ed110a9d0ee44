import { useState } from 'preact/hooks';
import { PaceBadge } from '../components/PaceBadge';
import { ProgressBar } from '../components/ProgressBar';
import { Field } from '../components/Field';
import { useI18n } from '../i18n';
import type { GoalView } from './goal-view';
import { LIMITS } from '../../core';

interface GoalCardProps {
  view: GoalView;
  readOnly: boolean;
  onEdit(): void;
  onProgress(value: number, note: string): void;
}

export function GoalCard({ view, readOnly, onEdit, onProgress }: GoalCardProps) {
  const { t, formatDate } = useI18n();
  const { goal, state, progress, expected, pace } = view;
  const [updating, setUpdating] = useState(false);
  const [value, setValue] = useState(progress);
  const [note, setNote] = useState('');

  return (
    <article class="card goal-card stack" aria-labelledby={`goal-${goal.id}`}>
      <div class="goal-card__head">
        <h3 id={`goal-${goal.id}`}>{goal.title}</h3>
        <PaceBadge pace={pace} />
      </div>
      <p class="muted">
        {t(`status.goal.${state.status}`)} · {t(`goal.horizon.${goal.horizon}`)} · {t('goal.due', { date: formatDate(goal.targetDate) })} · {t(`goal.path.${goal.path}`)}
      </p>
      {goal.why && <p>{goal.why}</p>}
      <ProgressBar value={progress} expected={expected} />
      <p class="goal-card__value">{t('goal.progressValue', { value: Math.round(progress) })}</p>
      {!readOnly && !updating && (
        <div class="button-row">
          <button type="button" class="button" onClick={() => { setValue(progress); setUpdating(true); }}>{t('goal.updateProgress')}</button>
          <button type="button" class="button button--quiet" onClick={onEdit}>{t('goal.edit')}</button>
        </div>
      )}
      {updating && (
        <form class="stack" onSubmit={(e) => { e.preventDefault(); onProgress(value, note.trim()); setNote(''); setUpdating(false); }}>
          <Field label={t('goal.progress')}>
            {({ id }) => (
              <div class="range-row">
                <input id={id} type="range" min={0} max={100} step={5} value={value} onInput={(e) => setValue(Number(e.currentTarget.value))} />
                <output for={id}>{value}%</output>
              </div>
            )}
          </Field>
          <Field label={t('goal.progressNote')} limit={[note, LIMITS.note]}>
            {({ id, describedBy, maxLength }) => <input id={id} aria-describedby={describedBy} maxLength={maxLength} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
          </Field>
          <div class="button-row">
            <button type="submit" class="button button--primary">{t('goal.saveProgress')}</button>
            <button type="button" class="button" onClick={() => setUpdating(false)}>{t('goal.cancel')}</button>
          </div>
        </form>
      )}
      {view.history.length > 0 && (
        <details>
          <summary>{t('goal.history')}</summary>
          <ol class="history">
            {view.history.map((u) => (
              <li key={u.id}>{formatDate(new Date(u.at).toISOString().slice(0, 10))}: {u.value}%{u.note && ` — ${u.note}`}</li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}
