import type { Pace } from '../../core';
import type { TeacherI18n } from './i18n';

const SHOWN: readonly Pace[] = ['overdue', 'behind', 'on-track', 'ahead', 'achieved'];
const SYMBOL: Record<Pace, string> = { ahead: '▲', 'on-track': '●', behind: '▼', overdue: '!', achieved: '✓', closed: '–' };

/** How many goals are at each pace, as symbol + number + word: colour is never the only signal. */
export function PaceCounts({ paces, t }: { paces: Record<Pace, number>; t: TeacherI18n['t'] }) {
  const shown = SHOWN.filter((p) => paces[p] > 0);
  if (shown.length === 0) return <p class="muted pace-counts">{t('dash.noGoals')}</p>;
  return (
    <ul class="pace-counts" aria-label={t('dash.goalPaces')}>
      {shown.map((p) => (
        <li key={p} class={`pace-count badge badge--${p}`}>
          <span aria-hidden="true">{SYMBOL[p]}</span> {paces[p]} {t(`pace.${p}`)}
        </li>
      ))}
    </ul>
  );
}
