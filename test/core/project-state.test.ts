import { describe, expect, it } from 'vitest';
import { PROJECT_STATUSES, projectState, type ProjectStatus } from '../../src/core';
import { decision, statusChange } from './builders';

const catalog = new Set(['catalog1']);
const onProject = { recordId: 'proj1', recordKind: 'project' as const };
const agree = (at: number) => decision({ id: `agr${at}`, at, decision: 'agreed', ...onProject });
const suggest = (at: number) => decision({ id: `sug${at}`, at, decision: 'suggested', ...onProject });
const close = (at: number, status: 'achieved' | 'dropped') => statusChange({ id: `chg${at}`, at, status, recordId: 'proj1' });

const table: { case: string; catalogId?: string | null; changes?: ReturnType<typeof statusChange>[]; decisions?: ReturnType<typeof decision>[]; status: ProjectStatus; waitingFor: 'teacher' | 'student' | null }[] = [
  { case: "the student's own idea waits for the teacher", status: 'proposed', waitingFor: 'teacher' },
  { case: 'one chosen from the class catalog is active at once', catalogId: 'catalog1', status: 'active', waitingFor: null },
  { case: 'a catalog id that is not in the catalog agrees nothing', catalogId: 'madeup1', status: 'proposed', waitingFor: 'teacher' },
  { case: 'the teacher agrees in the coach document', decisions: [agree(10)], status: 'active', waitingFor: null },
  { case: 'a suggestion waits for the student', decisions: [suggest(10)], status: 'suggested', waitingFor: 'student' },
  { case: 'an agreement after a suggestion makes it active', decisions: [suggest(10), agree(20)], status: 'active', waitingFor: null },
  { case: 'done by the student', decisions: [agree(10)], changes: [close(30, 'achieved')], status: 'done', waitingFor: null },
  { case: 'dropped by the student', catalogId: 'catalog1', changes: [close(30, 'dropped')], status: 'dropped', waitingFor: null },
  { case: 'a decision about a goal with the same id does not count', decisions: [decision({ id: 'dec1', at: 10, decision: 'agreed', recordId: 'proj1', recordKind: 'goal' })], status: 'proposed', waitingFor: 'teacher' },
];

describe('projectState', () => {
  it.each(table)('$case', (row) => {
    const state = projectState({ id: 'proj1', catalogId: row.catalogId ?? null }, row.changes ?? [], row.decisions ?? [], catalog);
    expect({ status: state.status, waitingFor: state.waitingFor }).toEqual({ status: row.status, waitingFor: row.waitingFor });
  });

  it('every status is reachable', () => {
    expect(new Set(table.map((r) => r.status))).toEqual(new Set(PROJECT_STATUSES));
  });
});
