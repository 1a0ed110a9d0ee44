import { LIMITS, type Actor, type NextStep } from '../../core';
import { useTeacherI18n } from '../dashboard/i18n';
import { TextLimit } from '../components/TextLimit';

interface StepRowProps {
  index: number;
  /** Null for the always-present empty row. */
  step: NextStep | null;
  readOnly: boolean;
  onStart?(text: string): void;
  onChange?(patch: Partial<Pick<NextStep, 'text' | 'owner' | 'due'>>): void;
  onRemove?(): void;
}

export function StepRow({ index, step, readOnly, onStart, onChange, onRemove }: StepRowProps) {
  const { t } = useTeacherI18n();
  const label = t('ci.stepLabel', { n: index });
  return (
    <li class="step-row">
      <div class="field step-row__text">
        <label for={`step-${index}`}>{label}</label>
        <input id={`step-${index}`} maxLength={LIMITS.title} aria-describedby={`step-${index}-limit`} value={step?.text ?? ''} disabled={readOnly} autocomplete="off"
          placeholder={step ? '' : t('ci.stepPlaceholder')}
          onInput={(e) => {
            const text = e.currentTarget.value;
            if (step) onChange?.({ text });
            else if (text.trim()) onStart?.(text);
          }}
          onBlur={(e) => { if (step && !e.currentTarget.value.trim()) onRemove?.(); }} />
        <TextLimit id={`step-${index}-limit`} value={step?.text ?? ''} max={LIMITS.title} />
      </div>
      {step && (
        <>
          <div class="field">
            <label for={`step-${index}-owner`}>{t('checkin.stepOwner')}</label>
            <select id={`step-${index}-owner`} value={step.owner} disabled={readOnly} onChange={(e) => onChange?.({ owner: e.currentTarget.value as Actor })}>
              <option value="student">{t('checkin.stepOwner.student')}</option>
              <option value="teacher">{t('checkin.stepOwner.teacher')}</option>
            </select>
          </div>
          <div class="field">
            <label for={`step-${index}-due`}>{t('checkin.stepDue')}</label>
            <input id={`step-${index}-due`} type="date" value={step.due ?? ''} disabled={readOnly} onInput={(e) => onChange?.({ due: e.currentTarget.value || null })} />
          </div>
        </>
      )}
    </li>
  );
}
