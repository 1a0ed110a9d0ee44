import type { StudentSummary } from './summary';
import { daysBetween, localDay } from './dates';

/** Why a student needs the teacher; the app turns each into words in the teacher's language. */
export type Reason =
  | { code: 'never-checked-in' }
  | { code: 'check-in-due'; days: number; cadence: number }
  | { code: 'follow-up-due'; date: string }
  | { code: 'overdue-goals'; count: number }
  | { code: 'behind-goals'; count: number }
  | { code: 'overdue-milestones'; count: number }
  | { code: 'no-recent-activity'; days: number | null }
  | { code: 'falling-engagement'; from: number; to: number }
  | { code: 'waiting-for-approval'; count: number };

export interface Attention {
  studentId: string;
  score: number;
  /** True when the student should be seen today (at least one reason that calls for a check-in). */
  needsCheckIn: boolean;
  daysSinceCheckIn: number | null;
  reasons: Reason[];
}

/** Days without any student activity before it becomes a reason. */
export const QUIET_DAYS = 10;

/** Weights rank reasons against each other; overdue work and silence weigh most. */
const WEIGHT: Record<Reason['code'], number> = {
  'never-checked-in': 40,
  'check-in-due': 30,
  'follow-up-due': 25,
  'overdue-goals': 20,
  'behind-goals': 8,
  'overdue-milestones': 10,
  'no-recent-activity': 15,
  'falling-engagement': 25,
  'waiting-for-approval': 5,
};

export function attentionFor(summary: StudentSummary, cadenceDays: number, today: string): Attention {
  const reasons: Reason[] = [];
  let score = 0;
  const daysSince = summary.lastCheckInDate === null ? null : daysBetween(summary.lastCheckInDate, today);
  if (daysSince === null) reasons.push({ code: 'never-checked-in' });
  else if (daysSince >= cadenceDays) reasons.push({ code: 'check-in-due', days: daysSince, cadence: cadenceDays });
  if (summary.followUpDate !== null && daysBetween(summary.followUpDate, today) >= 0 && (daysSince === null || daysSince > 0)) {
    reasons.push({ code: 'follow-up-due', date: summary.followUpDate });
  }
  if (summary.paces.overdue > 0) reasons.push({ code: 'overdue-goals', count: summary.paces.overdue });
  if (summary.paces.behind > 0) reasons.push({ code: 'behind-goals', count: summary.paces.behind });
  if (summary.overdueMilestones > 0) reasons.push({ code: 'overdue-milestones', count: summary.overdueMilestones });
  const quietDays = summary.lastActivityAt === null ? null : daysBetween(localDay(summary.lastActivityAt), today);
  if (quietDays === null || quietDays >= QUIET_DAYS) reasons.push({ code: 'no-recent-activity', days: quietDays });
  const recent = summary.engagements.slice(-3);
  if (recent.length === 3 && recent[0]! > recent[1]! && recent[1]! > recent[2]!) {
    reasons.push({ code: 'falling-engagement', from: recent[0]!, to: recent[2]! });
  }
  if (summary.proposedItems > 0) reasons.push({ code: 'waiting-for-approval', count: summary.proposedItems });

  for (const r of reasons) {
    const scale = 'count' in r ? Math.min(r.count, 3) : r.code === 'check-in-due' ? Math.min(r.days / r.cadence, 3) : 1;
    score += WEIGHT[r.code] * scale;
  }
  // Someone checked in today has been seen today, whatever else there is to say about them.
  const needsCheckIn = daysSince !== 0 && reasons.some((r) => r.code !== 'waiting-for-approval' && r.code !== 'behind-goals');
  return { studentId: summary.studentId, score: Math.round(score), needsCheckIn, daysSinceCheckIn: daysSince, reasons };
}

/** The class ranked by who needs a check-in most; ties go to the longest wait, then by id. */
export function rankClass(summaries: readonly StudentSummary[], cadenceDays: number, today: string): Attention[] {
  return summaries
    .map((s) => attentionFor(s, cadenceDays, today))
    .sort(
      (a, b) =>
        Number(b.needsCheckIn) - Number(a.needsCheckIn) ||
        b.score - a.score ||
        (b.daysSinceCheckIn ?? Infinity) - (a.daysSinceCheckIn ?? Infinity) ||
        (a.studentId < b.studentId ? -1 : 1),
    );
}
