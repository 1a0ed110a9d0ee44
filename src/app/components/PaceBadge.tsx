import type { Pace } from '../../core';
import { useI18n } from '../i18n';

const SYMBOL: Record<Pace, string> = {
  ahead: '▲',
  'on-track': '●',
  behind: '▼',
  overdue: '!',
  achieved: '✓',
  closed: '–',
};

/** Pace in words and a symbol, so colour is never the only signal. */
export function PaceBadge({ pace }: { pace: Pace }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge--${pace}`}>
      <span aria-hidden="true">{SYMBOL[pace]}</span> {t(`pace.${pace}`)}
    </span>
  );
}
