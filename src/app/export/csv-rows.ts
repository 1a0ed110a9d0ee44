import type * as Y from 'yjs';
import { classDocument, coachDocument, localDay, planDocument } from '../../core';
import { goalViews } from '../plan/goal-view';
import { loadPapa } from './papa';

export interface StudentDocs {
  studentId: string;
  plan: Y.Doc;
  coach: Y.Doc;
}

export type CsvRow = Record<string, string | number>;

/**
 * The school's record of check-ins, one row per check-in. Built from the coach documents only:
 * private notes live in the staff document and are deliberately not exported.
 */
export function checkinRows(classDoc: Y.Doc, students: readonly StudentDocs[]): CsvRow[] {
  const names = new Map(classDocument(classDoc).students.list().map((s) => [s.id, s.displayName]));
  const rows: CsvRow[] = [];
  for (const { studentId, plan, coach } of students) {
    const titles = new Map(planDocument(plan).goals.list().map((g) => [g.id, g.title]));
    const c = coachDocument(coach);
    const steps = c.nextSteps.list();
    for (const ci of c.checkins.list().sort((a, b) => a.date.localeCompare(b.date) || a.at - b.at)) {
      rows.push({
        student: names.get(studentId) ?? studentId,
        date: ci.date,
        kind: ci.kind,
        engagement: ci.engagement ?? '',
        teacher: ci.teacherName,
        shared_note: ci.sharedNote,
        goal_notes: Object.entries(ci.goalNotes).filter(([, n]) => n.trim()).map(([id, n]) => `${titles.get(id) ?? id}: ${n}`).join(' | '),
        next_steps: steps.filter((s) => s.checkinId === ci.id).map((s) => `${s.text} (${s.owner}${s.due ? `, ${s.due}` : ''}${s.doneAt ? ', done' : ''})`).join(' | '),
        follow_up: ci.followUp ?? '',
      });
    }
  }
  return rows;
}

export function goalRows(classDoc: Y.Doc, students: readonly StudentDocs[], today = localDay()): CsvRow[] {
  const names = new Map(classDocument(classDoc).students.list().map((s) => [s.id, s.displayName]));
  return students.flatMap(({ studentId, plan, coach }) =>
    goalViews(plan, coach, today).map((v) => ({
      student: names.get(studentId) ?? studentId,
      goal: v.goal.title,
      // The same words as every screen (src/core/rules/goal-status.ts): claimed, changed since agreed...
      status: v.state.stage,
      agreed: v.state.agreed ? 'yes' : 'no',
      pace: v.pace,
      progress: Math.round(v.progress),
      start: v.goal.startDate,
      target: v.goal.targetDate,
      path: v.goal.path,
      updates: v.history.length,
    })),
  );
}

/**
 * Cells a spreadsheet would run as a formula (`=HYPERLINK(...)`, `@SUM(...)`, `+`, `-`, tab, CR, LF,
 * and their full-width forms) get a leading `'`: titles and names are written by students. Not
 * papaparse's own `escapeFormulae: true` pattern, which ends in `.*$` and so misses a formula
 * followed by a line break.
 */
export const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** CSV text through papaparse, loaded only when someone exports. */
export async function toCsv(rows: CsvRow[]): Promise<string> {
  return (await loadPapa()).unparse(rows, { newline: '\r\n', escapeFormulae: FORMULA_START });
}
