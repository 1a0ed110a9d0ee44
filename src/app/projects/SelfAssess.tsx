import { useState } from 'preact/hooks';
import type { LearningTarget, Level, PlanDocument, SelfAssessment } from '../../core';
import { Field } from '../components/Field';
import { useStudentI18n as useI18n } from '../student-home/i18n';

const LEVELS: Level[] = [1, 2, 3, 4];
const ICONS = ['🌱', '🌿', '🌳', '🌟'];

/** How I rate myself on each learning target (1 to 4), with a sentence of evidence. Each rating is kept, newest shown. */
export function SelfAssess(props: { plan: PlanDocument; targets: LearningTarget[]; assessments: SelfAssessment[]; readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <section class="card stack" aria-labelledby="self-title">
      <h2 id="self-title"><span aria-hidden="true">🌟 </span>{t('self.title')}</h2>
      <p class="muted">{t('self.hint')}</p>
      {props.targets.map((target) => {
        const latest = props.assessments.filter((a) => a.targetId === target.id).sort((a, b) => b.at - a.at)[0] ?? null;
        return <TargetRating key={target.id} plan={props.plan} target={target} latest={latest} readOnly={props.readOnly} />;
      })}
    </section>
  );
}

function TargetRating(props: { plan: PlanDocument; target: LearningTarget; latest: SelfAssessment | null; readOnly: boolean }) {
  const { t } = useI18n();
  const [level, setLevel] = useState<Level | null>(props.latest?.level ?? null);
  const [evidence, setEvidence] = useState(props.latest?.evidence ?? '');
  const [saved, setSaved] = useState(false);
  const name = `level-${props.target.id}`;
  return (
    <form class="stack self-target" onSubmit={(e) => {
      e.preventDefault();
      if (level === null) return;
      props.plan.selfAssessments.add({ targetId: props.target.id, level, evidence: evidence.trim(), at: Date.now() });
      setSaved(true);
    }}>
      <fieldset class="levels" disabled={props.readOnly}>
        <legend>{props.target.title}</legend>
        {LEVELS.map((l) => (
          <label key={l} class={`level${level === l ? ' level--on' : ''}`}>
            <input type="radio" name={name} value={l} checked={level === l} onChange={() => { setLevel(l); setSaved(false); }} />
            <span aria-hidden="true">{ICONS[l - 1]}</span>
            <span>{l} · {props.target.levels[l - 1]?.trim() || t(`self.level.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field label={t('self.evidence')}>
        {({ id }) => <input id={id} value={evidence} disabled={props.readOnly} onInput={(e) => { setEvidence(e.currentTarget.value); setSaved(false); }} />}
      </Field>
      {!props.readOnly && (
        <div class="button-row">
          <button type="submit" class="button" disabled={level === null}>{t('self.save')}</button>
          {saved && <span role="status" class="muted">{t('self.saved')}</span>}
        </div>
      )}
    </form>
  );
}
