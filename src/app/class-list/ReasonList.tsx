import type { Reason } from '../../core';
import { useI18n, type Translate } from '../i18n';

export function reasonText(reason: Reason, t: Translate, formatDate: (d: string) => string): string {
  switch (reason.code) {
    case 'never-checked-in':
      return t('reason.never-checked-in');
    case 'check-in-due':
      return t('reason.check-in-due', { days: reason.days, cadence: reason.cadence });
    case 'follow-up-due':
      return t('reason.follow-up-due', { date: formatDate(reason.date) });
    case 'overdue-goals':
    case 'behind-goals':
    case 'overdue-milestones':
    case 'waiting-for-approval':
      return t(`reason.${reason.code}`, { count: reason.count });
    case 'no-recent-activity':
      return reason.days === null ? t('reason.no-recent-activity-ever') : t('reason.no-recent-activity', { days: reason.days });
    case 'falling-engagement':
      return t('reason.falling-engagement', { from: reason.from, to: reason.to });
  }
}

export function ReasonList({ reasons }: { reasons: readonly Reason[] }) {
  const { t, formatDate } = useI18n();
  return (
    <ul class="reasons">
      {reasons.map((r, i) => (
        <li key={i} class={`reason reason--${r.code}`}>{reasonText(r, t, formatDate)}</li>
      ))}
    </ul>
  );
}
