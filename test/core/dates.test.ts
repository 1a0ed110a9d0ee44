import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, localDay } from '../../src/core';
import { noonOf } from './builders';

describe('dates', () => {
  it('numbers days from the Unix epoch in UTC', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-11-23')).toBe(Date.UTC(2026, 10, 23) / 86_400_000);
  });

  it('counts whole days, positive when the second day is later', () => {
    expect(daysBetween('2026-09-01', '2026-09-01')).toBe(0);
    expect(daysBetween('2026-09-01', '2026-09-15')).toBe(14);
    expect(daysBetween('2026-09-15', '2026-09-01')).toBe(-14);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2); // leap year
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('is not shifted by daylight-saving changes (counted in UTC)', () => {
    // Europe and the US change clocks in late March and early November.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });

  it('adds days across months and years, forwards and backwards', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-09-01', 0)).toBe('2026-09-01');
    expect(daysBetween('2026-09-01', addDays('2026-09-01', 400))).toBe(400);
  });

  it('gives the local calendar day of a moment', () => {
    expect(localDay(noonOf('2026-11-23'))).toBe('2026-11-23');
    expect(localDay(new Date(2026, 0, 5, 0, 0, 1))).toBe('2026-01-05');
    expect(localDay(new Date(2026, 0, 5, 23, 59, 59))).toBe('2026-01-05');
    expect(localDay()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
