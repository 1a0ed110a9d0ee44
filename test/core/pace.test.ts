import { describe, expect, it } from 'vitest';
import { AHEAD_MARGIN, BEHIND_MARGIN, expectedProgress, goalPace } from '../../src/core';

// 100 days from start to target, so elapsed days equal expected percentage points.
const goal = { startDate: '2026-01-01', targetDate: '2026-04-11' };
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);

describe('goalPace', () => {
  it('is on track, ahead or behind relative to the straight line, with the margins inclusive', () => {
    const today = day(50); // expected 50%
    expect(goalPace(goal, 50, 'agreed', today)).toBe('on-track');
    expect(goalPace(goal, 50 + AHEAD_MARGIN, 'agreed', today)).toBe('ahead');
    expect(goalPace(goal, 50 + AHEAD_MARGIN - 0.5, 'agreed', today)).toBe('on-track');
    expect(goalPace(goal, 50 - BEHIND_MARGIN, 'agreed', today)).toBe('on-track');
    expect(goalPace(goal, 50 - BEHIND_MARGIN - 0.5, 'agreed', today)).toBe('behind');
  });

  it('counts nobody behind before the start date, and anyone with progress as ahead there', () => {
    expect(goalPace(goal, 0, 'proposed', day(-10))).toBe('on-track');
    expect(goalPace(goal, AHEAD_MARGIN, 'proposed', day(-10))).toBe('ahead');
  });

  it('on the target date expects 100%: not yet overdue', () => {
    const targetDay = goal.targetDate;
    expect(goalPace(goal, 99, 'agreed', targetDay)).toBe('on-track');
    expect(goalPace(goal, 100 - BEHIND_MARGIN, 'agreed', targetDay)).toBe('on-track');
    expect(goalPace(goal, 100 - BEHIND_MARGIN - 1, 'agreed', targetDay)).toBe('behind');
  });

  it('is overdue the day after the target date unless achieved or closed', () => {
    expect(goalPace(goal, 99, 'agreed', day(101))).toBe('overdue');
    expect(goalPace(goal, 99, 'revised', day(300))).toBe('overdue');
    expect(goalPace(goal, 100, 'agreed', day(101))).toBe('achieved');
    expect(goalPace(goal, 10, 'achieved', day(101))).toBe('achieved');
    expect(goalPace(goal, 10, 'dropped', day(101))).toBe('closed');
  });

  it('treats 100% progress as achieved whatever the status says', () => {
    expect(goalPace(goal, 100, 'proposed', day(10))).toBe('achieved');
    expect(goalPace(goal, 100, 'dropped', day(10))).toBe('achieved');
  });

  it('handles a zero-length goal (start = target) as due in full that day', () => {
    const sameDay = { startDate: '2026-05-01', targetDate: '2026-05-01' };
    expect(goalPace(sameDay, 0, 'agreed', '2026-04-20')).toBe('behind');
    expect(goalPace(sameDay, 90, 'agreed', '2026-05-01')).toBe('on-track');
    expect(goalPace(sameDay, 50, 'agreed', '2026-05-01')).toBe('behind');
    expect(goalPace(sameDay, 50, 'agreed', '2026-05-02')).toBe('overdue');
  });

  it('handles a target date before the start date without dividing by zero or going negative', () => {
    const backwards = { startDate: '2026-05-10', targetDate: '2026-05-01' };
    expect(goalPace(backwards, 90, 'agreed', '2026-04-01')).toBe('on-track');
    expect(goalPace(backwards, 0, 'agreed', '2026-05-02')).toBe('overdue');
  });
});

describe('expectedProgress', () => {
  it('follows the straight line, rounded and clamped to 0..100', () => {
    expect(expectedProgress(goal, day(-5))).toBe(0);
    expect(expectedProgress(goal, day(0))).toBe(0);
    expect(expectedProgress(goal, day(33))).toBe(33);
    expect(expectedProgress({ startDate: '2026-01-01', targetDate: '2026-01-04' }, '2026-01-02')).toBe(33);
    expect(expectedProgress(goal, goal.targetDate)).toBe(100);
    expect(expectedProgress(goal, day(150))).toBe(100);
  });

  it('is 100 for a zero-length goal', () => {
    expect(expectedProgress({ startDate: '2026-05-01', targetDate: '2026-05-01' }, '2026-04-01')).toBe(100);
  });
});
