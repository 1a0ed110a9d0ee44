import { describe, expect, it } from 'vitest';
import { emptyPaces } from '../../src/core';
import { dashboardModel } from '../../src/app/dashboard/dashboard-model';
import type { SummaryRow } from '../../src/local/types';

const today = '2026-11-23';
function row(studentId: string, displayName: string, fields: Partial<SummaryRow> = {}): SummaryRow {
  return {
    studentId, displayName, profileId: 'p', classId: 'c', archived: false, updatedAt: 0, computedFor: today,
    lastCheckInDate: '2026-11-20', engagements: [3, 3, 3], paces: emptyPaces(), openGoals: 1, overdueMilestones: 0,
    proposedItems: 0, followUpDate: null, lastActivityAt: Date.parse('2026-11-22T10:00:00Z'), ...fields,
  };
}

describe('the dashboard model', () => {
  const rows = [
    row('a', 'Ana'),
    row('b', 'Ben', { lastCheckInDate: '2026-10-01' }),
    row('c', 'Cara', { lastCheckInDate: null }),
    row('d', 'Dev', { paces: { ...emptyPaces(), behind: 2 }, proposedItems: 1 }),
    row('e', 'Eva', { archived: true, lastCheckInDate: null }),
  ];

  it('puts who needs a check-in first, most needed first, and leaves archived students out', () => {
    const m = dashboardModel(rows, 14, today, 'need', 'all');
    expect(m.needs.map((e) => e.row.displayName)).toEqual(['Ben', 'Cara']);
    expect(m.others.map((e) => e.row.displayName)).toEqual(['Dev', 'Ana']);
    expect(m.total).toBe(4);
  });

  it('sorts by name or by the longest wait, and filters', () => {
    expect(dashboardModel(rows, 14, today, 'last', 'all').needs.map((e) => e.row.displayName)).toEqual(['Cara', 'Ben']);
    expect(dashboardModel(rows, 14, today, 'name', 'all').others.map((e) => e.row.displayName)).toEqual(['Ana', 'Dev']);
    const behind = dashboardModel(rows, 14, today, 'need', 'behind');
    expect([...behind.needs, ...behind.others].map((e) => e.row.displayName)).toEqual(['Dev']);
    const waiting = dashboardModel(rows, 14, today, 'need', 'waiting');
    expect([...waiting.needs, ...waiting.others].map((e) => e.row.displayName)).toEqual(['Dev']);
    expect(dashboardModel(rows, 14, today, 'need', 'needs').others).toEqual([]);
  });

  it('re-ranks once a check-in is recorded', () => {
    const after = rows.map((r) => (r.studentId === 'b' ? { ...r, lastCheckInDate: today } : r));
    expect(dashboardModel(after, 14, today, 'need', 'all').needs.map((e) => e.row.displayName)).toEqual(['Cara']);
  });
});
