import { useState } from 'preact/hooks';
import { GOAL_PATHS, LIMITS, addDays, daysBetween, isRecordRefused, localDay, type Goal } from '../../core';
import { Field } from '../components/Field';
import type { GoalFields } from '../data/plan';
import { useI18n } from '../i18n';
import { SaveCancel } from '../components/SaveCancel';

export function GoalForm(props: { initial?: Goal | undefined; onSave(fields: GoalFields): void; onCancel(): void }) {
  const { t } = useI18n();
  const today = localDay();
  const [fields, setFields] = useState<GoalFields>(() => ({
    title: props.initial?.title ?? '',
    why: props.initial?.why ?? '',
    horizon: props.initial?.horizon ?? 'long',
    startDate: props.initial?.startDate ?? today,
    targetDate: props.initial?.targetDate ?? addDays(today, 42),
    path: props.initial?.path ?? 'own',
    pathNote: props.initial?.pathNote ?? '',
  }));
  const [errors, setErrors] = useState<{ title?: string; targetDate?: string }>({});
  const set = <K extends keyof GoalFields>(key: K, value: GoalFields[K]) => setFields((f) => ({ ...f, [key]: value }));

  function submit(event: Event) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!fields.title.trim()) next.title = t('goal.titleRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.targetDate) || daysBetween(fields.startDate, fields.targetDate) < 0) next.targetDate = t('goal.dateOrder');
    setErrors(next);
    if (next.title || next.targetDate) return;
    try {
      props.onSave({ ...fields, title: fields.title.trim() });
    } catch (error) {
      // Refused by the document's schema (src/core/ydoc/collection.ts): say so and keep what was typed.
      if (!isRecordRefused(error)) throw error;
      setErrors({ title: t('limit.refused') });
    }
  }

  return (
    <form class="card stack goal-form" onSubmit={submit} noValidate>
      <Field label={t('goal.title')} hint={t('goal.titleHint')} error={errors.title} limit={[fields.title, LIMITS.title]}>
        {({ id, describedBy, invalid, maxLength }) => (
          <input id={id} aria-describedby={describedBy} aria-invalid={invalid} maxLength={maxLength} value={fields.title} onInput={(e) => set('title', e.currentTarget.value)} />
        )}
      </Field>
      <Field label={t('goal.why')} limit={[fields.why, LIMITS.note]}>
        {({ id, describedBy, maxLength }) => <textarea id={id} rows={2} aria-describedby={describedBy} maxLength={maxLength} value={fields.why} onInput={(e) => set('why', e.currentTarget.value)} />}
      </Field>
      <fieldset class="segmented">
        <legend>{t('goal.horizon')}</legend>
        {(['long', 'weekly'] as const).map((h) => (
          <label key={h}>
            <input type="radio" name="horizon" value={h} checked={fields.horizon === h}
              onChange={() => { set('horizon', h); if (h === 'weekly') set('targetDate', addDays(fields.startDate, 7)); }} />
            {t(`goal.horizon.${h}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('goal.targetDate')} error={errors.targetDate}>
        {({ id, describedBy, invalid }) => (
          <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} value={fields.targetDate} min={fields.startDate}
            onInput={(e) => set('targetDate', e.currentTarget.value)} />
        )}
      </Field>
      <fieldset class="path-choice">
        <legend>{t('goal.path')}</legend>
        {GOAL_PATHS.map((p) => (
          <label key={p}>
            <input type="radio" name="path" value={p} checked={fields.path === p} onChange={() => set('path', p)} />
            {t(`goal.path.${p}`)}
          </label>
        ))}
      </fieldset>
      <Field label={t('goal.pathNote')} limit={[fields.pathNote, LIMITS.note]}>
        {({ id, describedBy, maxLength }) => <textarea id={id} rows={2} aria-describedby={describedBy} maxLength={maxLength} value={fields.pathNote} onInput={(e) => set('pathNote', e.currentTarget.value)} />}
      </Field>
      <SaveCancel save={t('goal.save')} onCancel={props.onCancel} />
    </form>
  );
}
