import { useI18n } from '../i18n';

/** From how many characters before the limit the room left is shown. */
export function limitWarningFrom(max: number): number {
  return max - Math.max(10, Math.round(max * 0.1));
}

/**
 * Says how much room is left once a text nears its limit (LIMITS in src/core/records.ts), and
 * that the limit is reached: the input's maxLength stops typing there, and this says why, so
 * nothing is cut without a word.
 */
export function TextLimit({ id, value, max }: { id?: string | undefined; value: string; max: number }) {
  const { t } = useI18n();
  if (value.length < limitWarningFrom(max)) return null;
  const left = Math.max(0, max - value.length);
  return (
    <p id={id} class={`text-limit${left === 0 ? ' text-limit--reached' : ''}`} aria-live="polite">
      {left === 0 ? t('limit.reached', { max }) : t('limit.left', { count: left })}
    </p>
  );
}
