import { useI18n } from '../i18n';

/** A progress bar with a mark where a steady pace would be today. */
export function ProgressBar({ value, expected }: { value: number; expected?: number | undefined }) {
  const { t } = useI18n();
  return (
    <div class="progress" role="img" aria-label={t('goal.progressValue', { value: Math.round(value) })}>
      <div class="progress__fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      {expected !== undefined && <div class="progress__expected" style={{ left: `${expected}%` }} aria-hidden="true" />}
    </div>
  );
}
