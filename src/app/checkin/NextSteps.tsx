import { useState } from 'preact/hooks';
import type * as Y from 'yjs';
import { coachDocument, newId, type NextStep } from '../../core';
import { useTeacherI18n } from '../dashboard/i18n';
import { nextStepActions } from '../data/checkin';
import { StepRow } from './StepRow';

interface NextStepsProps {
  coach: Y.Doc;
  checkinId: string | null;
  previousId: string | null;
  readOnly: boolean;
  ensure(): string;
}

/**
 * Last time's steps to tick off, then this check-in's steps. There is no "add" button to forget:
 * an empty row is always there, and it becomes a step on its first keystroke (keyed by the id the
 * step will get, so the same input keeps the focus and the caret while a new empty row appears).
 */
export function NextSteps({ coach, checkinId, previousId, readOnly, ensure }: NextStepsProps) {
  const { t, formatDate } = useTeacherI18n();
  const steps = nextStepActions(coach);
  const all = coachDocument(coach).nextSteps.list();
  const earlier = previousId ? all.filter((s) => s.checkinId === previousId) : [];
  const [draftId, setDraftId] = useState(() => newId());
  // Random ids do not keep typing order: steps made here are listed in the order they were made.
  const [madeHere, setMadeHere] = useState<string[]>([]);
  const mine = checkinId ? all.filter((s) => s.checkinId === checkinId) : [];
  const order = (s: NextStep) => (madeHere.includes(s.id) ? madeHere.indexOf(s.id) : -1);
  mine.sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : 1));

  function startStep(text: string) {
    steps.add(ensure(), text, draftId);
    setMadeHere((ids) => [...ids, draftId]);
    setDraftId(newId());
  }

  return (
    <section class="card stack" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('checkin.nextSteps')}</h2>
      {earlier.length > 0 && (
        <div class="stack">
          <h3>{t('checkin.lastNextSteps')}</h3>
          <ul class="steps steps--earlier">
            {earlier.map((s) => (
              <li key={s.id}>
                <label>
                  <input type="checkbox" disabled={readOnly} checked={Boolean(s.doneAt)}
                    onChange={(e) => steps.setDone(s.id, e.currentTarget.checked)} />
                  <span>{s.text} <span class="muted">· {t(`checkin.stepOwner.${s.owner}`)}{s.due ? ` · ${formatDate(s.due)}` : ''}</span></span>
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ol class="step-rows">
        {/* One flat keyed list: the empty row and the step it becomes must be siblings for the input to survive. */}
        {[
          ...mine.map((s, i) => (
            <StepRow key={s.id} index={i + 1} step={s} readOnly={readOnly}
              onChange={(patch) => steps.change(s.id, patch)} onRemove={() => steps.remove(s.id)} />
          )),
          ...(readOnly ? [] : [<StepRow key={draftId} index={mine.length + 1} step={null} readOnly={false} onStart={startStep} />]),
        ]}
      </ol>
      <p class="muted">{t('ci.stepsHint')}</p>
    </section>
  );
}
