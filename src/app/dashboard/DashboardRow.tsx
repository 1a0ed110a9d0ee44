import { ReasonList } from '../class-list/ReasonList';
import { href } from '../router';
import type { DashboardEntry } from './dashboard-model';
import { PaceCounts } from './PaceCounts';
import { Sparkline } from './Sparkline';
import type { TeacherI18n } from './i18n';

interface DashboardRowProps {
  entry: DashboardEntry;
  t: TeacherI18n['t'];
  /**
   * False for rows below the first screenful on the first draw: their paces, reasons and
   * engagement line follow a frame later, so the rows a teacher sees first are drawn as fast as a list.
   */
  detailed: boolean;
}

export function DashboardRow({ entry, t, detailed }: DashboardRowProps) {
  const { row, attention } = entry;
  const days = attention.daysSinceCheckIn;
  const last = days === null ? t('class.lastCheckIn_never') : days === 0 ? t('class.lastCheckIn_today') : t('class.lastCheckIn', { count: days });
  const trend = row.engagements.length === 0 ? t('dash.noEngagement') : t('dash.engagement', { values: row.engagements.join(', ') });
  return (
    <li class={`student-row${attention.needsCheckIn ? ' student-row--needs' : ''}`} data-student={row.studentId}>
      <div class="student-row__main">
        <h3 class="student-row__name">
          <a href={href({ name: 'student', studentId: row.studentId })}>{row.displayName}</a>
        </h3>
        <p class="student-row__facts">
          <span class={days === null || attention.reasons.some((r) => r.code === 'check-in-due') ? 'fact fact--due' : 'fact'}>{last}</span>
          {row.overdueMilestones > 0 && <span class="fact fact--due">{t('dash.overdueMilestones', { count: row.overdueMilestones })}</span>}
        </p>
        {detailed && <PaceCounts paces={row.paces} t={t} />}
        {detailed && (attention.reasons.length > 0 ? <ReasonList reasons={attention.reasons} /> : <p class="muted">{t('class.allGood')}</p>)}
      </div>
      <div class="student-row__side">
        {detailed ? <Sparkline values={row.engagements} label={trend} /> : <span class="visually-hidden">{trend}</span>}
        <a class="button button--primary" href={href({ name: 'checkin', studentId: row.studentId, checkinId: null })}
          aria-label={t('class.checkInWith', { name: row.displayName })}>
          {t('class.checkIn')}
        </a>
      </div>
    </li>
  );
}
