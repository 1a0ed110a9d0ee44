import { useState } from 'preact/hooks';
import { LIMITS, type LearningTarget, type Level, type SelfAssessment } from '../../core';
import type { PlanActions } from '../data/plan';
import { Field } from '../components/Field';
import { useStudentI18n as useI18n } from '../student-home/i18n';

const LEVELS: Level[] = [1, 2, 3, 4];
const ICONS = ['🌱', '🌿', '🌳', '🌟'];

/** How I rate myself on each learning target (1 to 4), with a sentence of evidence. Each rating is kept, newest shown. */
export function SelfAssess(props: { actions: PlanActions; targets: LearningTarget[]; assessments: SelfAssessment[]; readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <section class="card stack" aria-labelledby="self-title">
      <h2 id="self-title"><span aria-hidden="true">🌟 </span>{t('self.title')}</h2>
      <p class="muted">{t('self.hint')}</p>
      {props.targets.map((target) => {
        const latest = props.assessments.filter((a) => a.targetId === target.id).sort((a, b) => b.at - a.at)[0] ?? null;
        return <TargetRating key={target.id} actions={props.actions} target={target} latest={latest} readOnly={props.readOnly} />;
      })}
    </section>
  );
}

/**
 * One target: choosing a level saves a new rating at once (ratings are kept as a history); the
 * sentence is saved into that rating as it is typed.
 */
function TargetRating(props: { actions: PlanActions; target: LearningTarget; latest: SelfAssessment | null; readOnly: boolean }) {
  const { t } = useI18n();
  const [level, setLevel] = useState<Level | null>(props.latest?.level ?? null);
  const [evidence, setEvidence] = useState(props.latest?.evidence ?? '');
  /** The rating made on this screen, which typing updates (an earlier one is never rewritten). */
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const name = `level-${props.target.id}`;

  function rate(next: Level) {
    setLevel(next);
    setCurrentId(props.actions.selfAssess(props.target.id, next, evidence.trim()));
    setSaved(true);
  }

  function explain(value: string) {
    setEvidence(value);
    if (currentId) props.actions.editSelfAssessment(currentId, value);
    else if (level !== null) setCurrentId(props.actions.selfAssess(props.target.id, level, value));
    setSaved(level !== null);
  }

  return (
    <div class="stack self-target">
      <fieldset class="levels" disabled={props.readOnly}>
        <legend>{props.target.title}</legend>
        {LEVELS.map((l) => (
          <label key={l} class={`level${level === l ? ' level--on' : ''}`}>
            <input type="radio" name={name} value={l} checked={level === l} onChange={() => rate(l)} />
            <span aria-hidden="true">{ICONS[l - 1]}</span>
            <span>{l} · {props.target.levels[l - 1]?.trim() || t(`self.level.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t('self.evidence')} hint={level === null ? t('self.chooseFirst') : undefined} limit={[evidence, LIMITS.note]}>
        {({ id, describedBy, maxLength }) => <input id={id} aria-describedby={describedBy} maxLength={maxLength} value={evidence} disabled={props.readOnly} onInput={(e) => explain(e.currentTarget.value)} />}
      </Field>
      <p role="status" class="muted self-target__saved">{saved ? t('self.saved') : ''}</p>
    </div>
  );
}
