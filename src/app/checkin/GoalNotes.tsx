import { LIMITS, localDay } from '../../core';
import { Field } from '../components/Field';
import { PaceBadge } from '../components/PaceBadge';
import { useI18n } from '../i18n';
import type { GoalView } from '../plan/goal-view';

interface GoalNotesProps {
  goals: GoalView[];
  notes: Record<string, string>;
  readOnly: boolean;
  onNote(goalId: string, text: string): void;
  onProgress(goalId: string, value: number): void;
}

/** A note per open goal, with a slider that moves the goal's progress when the teacher lets go. */
export function GoalNotes({ goals, notes, readOnly, onNote, onProgress }: GoalNotesProps) {
  const { t } = useI18n();
  // The goals being worked on now, the ones that need talking about first.
  const today = localDay();
  const urgency = (g: GoalView) => ['overdue', 'behind', 'on-track', 'ahead'].indexOf(g.pace);
  const open = goals
    .filter((g) => (g.pace !== 'achieved' && g.pace !== 'closed' && g.goal.startDate <= today) || notes[g.goal.id])
    .sort((a, b) => urgency(a) - urgency(b));
  if (open.length === 0) return null;
  return (
    <section class="card stack" aria-labelledby="checkin-goals">
      <h2 id="checkin-goals">{t('checkin.goals')}</h2>
      {open.map(({ goal, progress, pace }) => (
        <div key={goal.id} class="goal-note stack">
          <div class="goal-card__head">
            <h3>{goal.title}</h3>
            <PaceBadge pace={pace} />
          </div>
          <Field label={t('checkin.goalNote', { title: goal.title })} limit={[notes[goal.id] ?? '', LIMITS.note]}>
            {({ id, describedBy, maxLength }) => <textarea id={id} rows={2} disabled={readOnly} aria-describedby={describedBy} maxLength={maxLength} value={notes[goal.id] ?? ''} onInput={(e) => onNote(goal.id, e.currentTarget.value)} />}
          </Field>
          <Field label={t('checkin.moveProgress')}>
            {({ id }) => (
              <div class="range-row">
                <input id={id} type="range" min={0} max={100} step={5} value={progress} disabled={readOnly}
                  onChange={(e) => onProgress(goal.id, Number(e.currentTarget.value))} />
                <output for={id}>{Math.round(progress)}%</output>
              </div>
            )}
          </Field>
        </div>
      ))}
    </section>
  );
}
