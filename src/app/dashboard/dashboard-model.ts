import { attentionFor, type Attention } from '../../core';
import type { SummaryRow } from '../../local';

export type DashboardSort = 'need' | 'name' | 'last';
export type DashboardFilter = 'all' | 'needs' | 'behind' | 'waiting';
export const SORTS: readonly DashboardSort[] = ['need', 'name', 'last'];
export const FILTERS: readonly DashboardFilter[] = ['all', 'needs', 'behind', 'waiting'];

export interface DashboardEntry {
  row: SummaryRow;
  attention: Attention;
}

export interface DashboardModel {
  needs: DashboardEntry[];
  others: DashboardEntry[];
  /** Active students before filtering. */
  total: number;
  needsCount: number;
}

function matches(entry: DashboardEntry, filter: DashboardFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'needs':
      return entry.attention.needsCheckIn;
    case 'behind':
      return entry.row.paces.behind + entry.row.paces.overdue + entry.row.overdueMilestones > 0;
    case 'waiting':
      return entry.row.proposedItems > 0;
  }
}

function compare(sort: DashboardSort): (a: DashboardEntry, b: DashboardEntry) => number {
  const byName = (a: DashboardEntry, b: DashboardEntry) => a.row.displayName.localeCompare(b.row.displayName) || (a.row.studentId < b.row.studentId ? -1 : 1);
  // Longest wait first; never checked in counts as the longest of all.
  const wait = (e: DashboardEntry) => e.attention.daysSinceCheckIn ?? Number.POSITIVE_INFINITY;
  switch (sort) {
    case 'need':
      return (a, b) => b.attention.score - a.attention.score || wait(b) - wait(a) || byName(a, b);
    case 'name':
      return byName;
    case 'last':
      return (a, b) => (wait(b) === wait(a) ? byName(a, b) : wait(b) > wait(a) ? 1 : -1);
  }
}

/**
 * The dashboard's rows from the query index: archived students left out, "needs a check-in
 * today" always first, then sorted and filtered as the teacher chose.
 */
export function dashboardModel(rows: readonly SummaryRow[], cadenceDays: number, today: string, sort: DashboardSort, filter: DashboardFilter): DashboardModel {
  const entries = rows.filter((r) => !r.archived).map((row) => ({ row, attention: attentionFor(row, cadenceDays, today) }));
  const shown = entries.filter((e) => matches(e, filter)).sort(compare(sort));
  return {
    needs: shown.filter((e) => e.attention.needsCheckIn),
    others: shown.filter((e) => !e.attention.needsCheckIn),
    total: entries.length,
    needsCount: entries.filter((e) => e.attention.needsCheckIn).length,
  };
}
