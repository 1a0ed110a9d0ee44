import { describe, expect, it } from 'vitest';
import { GOAL_STATUSES, goalState, isOpen, type GoalStage } from '../../src/core';
import { decision, goal, statusChange } from './builders';

const agree = (at: number, over: Parameters<typeof decision>[0] extends infer T ? Partial<T> : never = {}) =>
  decision({ id: `agr${at}`, at, decision: 'agreed', title: 'Fractions', targetDate: '2026-12-01', ...over });
const suggest = (at: number) => decision({ id: `sug${at}`, at, decision: 'suggested', note: 'smaller steps?' });
const confirm = (at: number) => decision({ id: `ach${at}`, at, decision: 'achieved' });
const student = (at: number, status: 'achieved' | 'dropped' | 'revised' | 'agreed' | 'proposed', over = {}) =>
  statusChange({ id: `chg${at}`, at, status, ...over });

type Row = {
  case: string;
  goal?: Parameters<typeof goal>[0];
  changes?: ReturnType<typeof statusChange>[];
  decisions?: ReturnType<typeof decision>[];
  stage: GoalStage;
  waitingFor: 'teacher' | 'student' | null;
  agreed?: boolean;
};

/** Every stage a goal can be in, and what leads there. */
const table: Row[] = [
  { case: 'a new goal is a proposal waiting for the teacher', stage: 'proposed', waitingFor: 'teacher' },
  { case: "proposedBy: 'teacher' written into the plan agrees nothing", goal: { proposedBy: 'teacher' }, stage: 'proposed', waitingFor: 'teacher' },
  { case: 'a student status change to agreed agrees nothing', changes: [student(10, 'agreed'), student(20, 'agreed', { by: 'teacher' })], stage: 'proposed', waitingFor: 'teacher' },
  { case: 'the teacher agrees in the coach document', decisions: [agree(50)], stage: 'agreed', waitingFor: null, agreed: true },
  { case: 'a suggestion waits for the student', decisions: [suggest(50)], stage: 'suggested', waitingFor: 'student' },
  { case: 'a revision after a suggestion waits for the teacher', changes: [student(60, 'revised')], decisions: [suggest(50)], stage: 'revised', waitingFor: 'teacher' },
  { case: 'a revision before the suggestion does not answer it', changes: [student(40, 'revised')], decisions: [suggest(50)], stage: 'suggested', waitingFor: 'student' },
  { case: 'a student "agreed" does not answer a suggestion', changes: [student(60, 'agreed')], decisions: [suggest(50)], stage: 'suggested', waitingFor: 'student' },
  { case: 'a later agreement clears a suggestion', decisions: [suggest(50), agree(60)], stage: 'agreed', waitingFor: null, agreed: true },
  { case: 'a title changed since agreed waits for the teacher', goal: { title: 'Fractions and decimals' }, decisions: [agree(50)], stage: 'changed', waitingFor: 'teacher', agreed: true },
  { case: 'a target date changed since agreed waits for the teacher', goal: { targetDate: '2027-03-01' }, decisions: [agree(50)], stage: 'changed', waitingFor: 'teacher', agreed: true },
  { case: 'the teacher agreeing again to the changed goal settles it', goal: { title: 'Decimals' }, decisions: [agree(50), agree(70, { title: 'Decimals' })], stage: 'agreed', waitingFor: null, agreed: true },
  { case: 'an agreement kept without a copy (older data) cannot show a change', goal: { title: 'Other' }, decisions: [agree(50, { title: undefined, targetDate: undefined })], stage: 'agreed', waitingFor: null, agreed: true },
  { case: '"I did it" is a claim until the teacher confirms', changes: [student(80, 'achieved')], decisions: [agree(50)], stage: 'claimed', waitingFor: 'teacher', agreed: true },
  { case: 'a claim on a proposal is still a claim', changes: [student(80, 'achieved')], stage: 'claimed', waitingFor: 'teacher' },
  { case: 'the teacher confirms: achieved', changes: [student(80, 'achieved')], decisions: [agree(50), confirm(90)], stage: 'achieved', waitingFor: null, agreed: true },
  { case: '"not yet": a suggestion after a claim reopens the goal', changes: [student(80, 'achieved')], decisions: [agree(50), suggest(90)], stage: 'suggested', waitingFor: 'student', agreed: true },
  { case: 'a confirmed goal stays achieved after another claim', changes: [student(80, 'achieved'), student(95, 'achieved')], decisions: [confirm(90)], stage: 'achieved', waitingFor: null },
  { case: 'the student stops a goal', changes: [student(80, 'dropped')], decisions: [agree(50)], stage: 'dropped', waitingFor: null, agreed: true },
  { case: 'deleted changes and decisions, and those of other records, count for nothing', changes: [student(80, 'dropped', { deleted: true }), student(81, 'achieved', { recordId: 'goal2' })], decisions: [agree(50, { deleted: true }), agree(51, { recordId: 'goal2' }), agree(52, { recordKind: 'project' })], stage: 'proposed', waitingFor: 'teacher' },
  { case: 'a tie in time is broken by id: drop (bbbb) after agree (aaaa)', changes: [statusChange({ id: 'bbbb', at: 100, status: 'dropped' })], decisions: [decision({ id: 'aaaa', at: 100, decision: 'agreed' })], stage: 'dropped', waitingFor: null, agreed: true },
  { case: 'a tie in time is broken by id: agree (bbbb) after drop (aaaa)', changes: [statusChange({ id: 'aaaa', at: 100, status: 'dropped' })], decisions: [decision({ id: 'bbbb', at: 100, decision: 'agreed' })], stage: 'agreed', waitingFor: null, agreed: true },
];

describe('goalState', () => {
  it.each(table)('$case', (row) => {
    const state = goalState(goal(row.goal), row.changes ?? [], row.decisions ?? []);
    expect({ stage: state.stage, waitingFor: state.waitingFor, agreed: state.agreed }).toEqual({ stage: row.stage, waitingFor: row.waitingFor, agreed: row.agreed ?? false });
    // Lists in any order give the same answer.
    const reversed = goalState(goal(row.goal), [...(row.changes ?? [])].reverse(), [...(row.decisions ?? [])].reverse());
    expect(reversed.stage).toBe(row.stage);
  });

  it('the plain status counts a goal achieved only once the teacher confirmed it', () => {
    const claimed = goalState(goal(), [student(80, 'achieved')], [agree(50)]);
    expect(claimed.status).toBe('agreed');
    expect(goalState(goal(), [student(80, 'achieved')], [agree(50), confirm(90)]).status).toBe('achieved');
    expect(goalState(goal({ title: 'x' }), [], [agree(50)]).status).toBe('agreed');
  });

  it('keeps when it was agreed and the pending suggestion', () => {
    expect(goalState(goal(), [], [agree(50), agree(60)]).agreedAt).toBe(60);
    expect(goalState(goal(), [], [suggest(50)]).suggestion?.note).toBe('smaller steps?');
    expect(goalState(goal(), [], [suggest(50), agree(60)]).suggestion).toBeNull();
  });
});

describe('isOpen', () => {
  it('proposed, agreed and revised goals are open; achieved and dropped are not', () => {
    expect(GOAL_STATUSES.filter((s) => isOpen(s))).toEqual(['proposed', 'agreed', 'revised']);
  });
});
