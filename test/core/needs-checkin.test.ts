import { describe, expect, it } from 'vitest';
import { QUIET_DAYS, addDays, attentionFor, emptyPaces, rankClass, type Reason } from '../../src/core';
import { noonOf, summary } from './builders';

const today = '2026-10-11';
const cadence = 14;
/** A student seen yesterday, active today, with nothing due: no reason at all. */
const settled = summary({ lastCheckInDate: addDays(today, -1), lastActivityAt: noonOf(today) });
const codes = (reasons: Reason[]) => reasons.map((r) => r.code);

describe('attentionFor', () => {
  it('a student seen yesterday and active today with nothing due needs nothing', () => {
    expect(attentionFor(settled, cadence, today)).toEqual({
      studentId: 'stud1',
      score: 0,
      needsCheckIn: false,
      daysSinceCheckIn: 1,
      reasons: [],
    });
  });

  it('someone checked in today is never in "needs a check-in today", whatever else there is', () => {
    const busy = { ...settled, lastCheckInDate: today, lastActivityAt: null, overdueMilestones: 2, engagements: [4, 3, 2], paces: { ...emptyPaces(), overdue: 1 } };
    const a = attentionFor(busy, cadence, today);
    expect(codes(a.reasons)).toEqual(['overdue-goals', 'overdue-milestones', 'no-recent-activity', 'falling-engagement']);
    expect(a.needsCheckIn).toBe(false);
    expect(attentionFor({ ...busy, lastCheckInDate: addDays(today, -1) }, cadence, today).needsCheckIn).toBe(true);
  });

  it('never checked in', () => {
    const a = attentionFor({ ...settled, lastCheckInDate: null }, cadence, today);
    expect(a.reasons).toEqual([{ code: 'never-checked-in' }]);
    expect(a).toMatchObject({ needsCheckIn: true, daysSinceCheckIn: null, score: 40 });
  });

  it('a check-in is due from the cadence day on, weighing more the longer it waits (capped at 3 cadences)', () => {
    const after = (days: number) => attentionFor({ ...settled, lastCheckInDate: addDays(today, -days) }, cadence, today);
    expect(after(cadence - 1).reasons).toEqual([]);
    expect(after(cadence).reasons).toEqual([{ code: 'check-in-due', days: cadence, cadence }]);
    expect(after(cadence)).toMatchObject({ score: 30, needsCheckIn: true, daysSinceCheckIn: cadence });
    expect(after(2 * cadence).score).toBe(60);
    expect(after(3 * cadence).score).toBe(90);
    expect(after(10 * cadence).score).toBe(90);
  });

  it('a follow-up is due on its day and after, unless the student was already seen today', () => {
    const withFollowUp = (followUpDate: string, lastCheckInDate: string) =>
      attentionFor({ ...settled, lastCheckInDate, followUpDate }, cadence, today);
    expect(withFollowUp(addDays(today, 1), addDays(today, -3)).reasons).toEqual([]);
    expect(withFollowUp(today, addDays(today, -3)).reasons).toEqual([{ code: 'follow-up-due', date: today }]);
    expect(withFollowUp(addDays(today, -2), addDays(today, -3))).toMatchObject({ score: 25, needsCheckIn: true });
    expect(withFollowUp(today, today).reasons).toEqual([]);
  });

  it('overdue goals call for a check-in; behind goals alone do not', () => {
    const overdue = attentionFor({ ...settled, paces: { ...emptyPaces(), overdue: 2 } }, cadence, today);
    expect(overdue.reasons).toEqual([{ code: 'overdue-goals', count: 2 }]);
    expect(overdue).toMatchObject({ score: 40, needsCheckIn: true });
    const behind = attentionFor({ ...settled, paces: { ...emptyPaces(), behind: 5 } }, cadence, today);
    expect(behind.reasons).toEqual([{ code: 'behind-goals', count: 5 }]);
    expect(behind).toMatchObject({ score: 24, needsCheckIn: false });
  });

  it('overdue milestones', () => {
    const a = attentionFor({ ...settled, overdueMilestones: 1 }, cadence, today);
    expect(a.reasons).toEqual([{ code: 'overdue-milestones', count: 1 }]);
    expect(a).toMatchObject({ score: 10, needsCheckIn: true });
  });

  it('no recent activity from QUIET_DAYS days of silence, or when the student never did anything', () => {
    const quiet = (days: number) => attentionFor({ ...settled, lastActivityAt: noonOf(addDays(today, -days)) }, cadence, today);
    expect(quiet(QUIET_DAYS - 1).reasons).toEqual([]);
    expect(quiet(QUIET_DAYS).reasons).toEqual([{ code: 'no-recent-activity', days: QUIET_DAYS }]);
    expect(quiet(QUIET_DAYS)).toMatchObject({ score: 15, needsCheckIn: true });
    expect(attentionFor({ ...settled, lastActivityAt: null }, cadence, today).reasons).toEqual([
      { code: 'no-recent-activity', days: null },
    ]);
  });

  it('falling engagement means strictly falling over the last three rated check-ins', () => {
    const falling = (engagements: number[]) => codes(attentionFor({ ...settled, engagements }, cadence, today).reasons);
    expect(attentionFor({ ...settled, engagements: [4, 3, 2] }, cadence, today)).toMatchObject({
      reasons: [{ code: 'falling-engagement', from: 4, to: 2 }],
      score: 25,
      needsCheckIn: true,
    });
    expect(falling([1, 4, 3, 1])).toEqual(['falling-engagement']);
    expect(falling([3, 2])).toEqual([]);
    expect(falling([3, 3, 2])).toEqual([]);
    expect(falling([4, 2, 3])).toEqual([]);
    expect(falling([4, 3, 2, 3])).toEqual([]);
    expect(falling([1, 2, 3])).toEqual([]);
  });

  it('items waiting for approval are listed but do not by themselves call for a check-in', () => {
    const a = attentionFor({ ...settled, proposedItems: 2 }, cadence, today);
    expect(a.reasons).toEqual([{ code: 'waiting-for-approval', count: 2 }]);
    expect(a).toMatchObject({ score: 10, needsCheckIn: false });
  });

  it('adds every reason, in a fixed order, with counts capped at 3', () => {
    const a = attentionFor(
      summary({
        lastCheckInDate: addDays(today, -20),
        followUpDate: addDays(today, -1),
        paces: { ...emptyPaces(), overdue: 7, behind: 1 },
        overdueMilestones: 4,
        lastActivityAt: null,
        engagements: [3, 2, 1],
        proposedItems: 1,
      }),
      cadence,
      today,
    );
    expect(codes(a.reasons)).toEqual([
      'check-in-due',
      'follow-up-due',
      'overdue-goals',
      'behind-goals',
      'overdue-milestones',
      'no-recent-activity',
      'falling-engagement',
      'waiting-for-approval',
    ]);
    // 30*20/14 + 25 + 20*3 + 8 + 10*3 + 15 + 25 + 5
    expect(a.score).toBe(Math.round((30 * 20) / 14 + 25 + 60 + 8 + 30 + 15 + 25 + 5));
  });
});

describe('rankClass', () => {
  it('puts everyone who needs a check-in before anyone who does not, whatever the scores', () => {
    const busyButFine = summary({ ...settled, studentId: 'fine', proposedItems: 3, paces: { ...emptyPaces(), behind: 3 } });
    const justDue = summary({ ...settled, studentId: 'due', lastCheckInDate: addDays(today, -cadence) });
    const ranked = rankClass([busyButFine, justDue], cadence, today);
    expect(ranked.map((a) => [a.studentId, a.score])).toEqual([
      ['due', 30],
      ['fine', 39],
    ]);
  });

  it('ranks by score, then the longest wait (never checked in counts longest), then id', () => {
    // cadence 15, 20 days since the last check-in: 30 * 20/15 = 40, the same score as never checked in.
    const wait20 = summary({ ...settled, studentId: 'wait', lastCheckInDate: addDays(today, -20) });
    const neverB = summary({ ...settled, studentId: 'neverb', lastCheckInDate: null });
    const neverA = summary({ ...settled, studentId: 'nevera', lastCheckInDate: null });
    const wait30 = summary({ ...settled, studentId: 'long', lastCheckInDate: addDays(today, -30) });
    const seen = summary({ ...settled, studentId: 'seen' });
    const ranked = rankClass([seen, wait20, neverB, wait30, neverA], 15, today);
    expect(ranked.map((a) => [a.studentId, a.score])).toEqual([
      ['long', 60],
      ['nevera', 40],
      ['neverb', 40],
      ['wait', 40],
      ['seen', 0],
    ]);
  });

  it('a student never checked in comes before one whose check-in has only just come due', () => {
    const never = summary({ ...settled, studentId: 'zzzz', lastCheckInDate: null });
    const due = summary({ ...settled, studentId: 'aaaa', lastCheckInDate: addDays(today, -cadence) });
    expect(rankClass([due, never], cadence, today).map((a) => a.studentId)).toEqual(['zzzz', 'aaaa']);
  });

  it('gives the same order whatever order the summaries come in', () => {
    const students = ['s1', 's2', 's3', 's4', 's5', 's6'].map((id, i) =>
      summary({ studentId: `stu${id}`, lastCheckInDate: i % 3 === 0 ? null : addDays(today, -i * 5), lastActivityAt: noonOf(today) }),
    );
    const forwards = rankClass(students, cadence, today).map((a) => a.studentId);
    const backwards = rankClass([...students].reverse(), cadence, today).map((a) => a.studentId);
    expect(backwards).toEqual(forwards);
    expect(forwards[0]).toBe('stus6'); // 25 days: 30 * 25/14 = 54
  });
});
