import { describe, expect, it } from 'vitest';
import { GOAL_STATUSES, goalState, isOpen } from '../../src/core';
import { decision, goal, statusChange } from './builders';

describe('goalState', () => {
  it('a student goal starts proposed, not agreed', () => {
    expect(goalState(goal(), [], [])).toEqual({ status: 'proposed', suggestion: null, agreedAt: null });
  });

  it('a teacher-proposed goal starts agreed, from its creation', () => {
    expect(goalState(goal({ proposedBy: 'teacher', createdAt: 42 }), [], [])).toEqual({
      status: 'agreed',
      suggestion: null,
      agreedAt: 42,
    });
  });

  it('a student cannot self-agree through a plan status change, even one claiming to be the teacher', () => {
    const changes = [
      statusChange({ id: 'chg1', at: 10, status: 'agreed' }),
      statusChange({ id: 'chg2', at: 20, status: 'agreed', by: 'teacher' }),
    ];
    expect(goalState(goal(), changes, [])).toEqual({ status: 'proposed', suggestion: null, agreedAt: null });
  });

  it('the teacher agrees through a decision in the coach document', () => {
    const state = goalState(goal(), [], [decision({ id: 'dec1', at: 50, decision: 'agreed' })]);
    expect(state).toEqual({ status: 'agreed', suggestion: null, agreedAt: 50 });
  });

  it('ignores decisions about other goals, about projects, and deleted ones', () => {
    const decisions = [
      decision({ id: 'dec1', at: 50, decision: 'agreed', recordId: 'goal2' }),
      decision({ id: 'dec2', at: 60, decision: 'agreed', recordKind: 'project' }),
      decision({ id: 'dec3', at: 70, decision: 'agreed', deleted: true }),
    ];
    expect(goalState(goal(), [], decisions).status).toBe('proposed');
  });

  it('ignores deleted status changes and those of other goals', () => {
    const changes = [
      statusChange({ id: 'chg1', at: 10, status: 'dropped', deleted: true }),
      statusChange({ id: 'chg2', at: 20, status: 'achieved', recordId: 'goal2' }),
    ];
    expect(goalState(goal(), changes, []).status).toBe('proposed');
  });

  it('a suggestion stays pending, status unchanged, until a later status change', () => {
    const suggested = decision({ id: 'dec1', at: 100, decision: 'suggested', note: 'smaller steps?' });
    const earlier = statusChange({ id: 'chg1', at: 90, status: 'revised' });
    const pending = goalState(goal(), [earlier], [suggested]);
    expect(pending.status).toBe('revised');
    expect(pending.suggestion).toEqual(suggested);

    const later = statusChange({ id: 'chg2', at: 110, status: 'revised' });
    expect(goalState(goal(), [earlier, later], [suggested])).toEqual({ status: 'revised', suggestion: null, agreedAt: null });
  });

  it('a student "agreed" change does not answer a suggestion either', () => {
    const suggested = decision({ id: 'dec1', at: 100, decision: 'suggested' });
    const fakeAgree = statusChange({ id: 'chg1', at: 110, status: 'agreed' });
    expect(goalState(goal(), [fakeAgree], [suggested]).suggestion).toEqual(suggested);
  });

  it('a later agreement clears a suggestion; the newest suggestion is the one pending', () => {
    const first = decision({ id: 'dec1', at: 100, decision: 'suggested', note: 'first' });
    const second = decision({ id: 'dec2', at: 120, decision: 'suggested', note: 'second' });
    expect(goalState(goal(), [], [second, first]).suggestion?.note).toBe('second');
    const agree = decision({ id: 'dec3', at: 130, decision: 'agreed' });
    expect(goalState(goal(), [], [first, second, agree])).toEqual({ status: 'agreed', suggestion: null, agreedAt: 130 });
  });

  it('follows the history by time: agreed, then achieved, keeping when it was agreed', () => {
    const state = goalState(
      goal(),
      [statusChange({ id: 'chg1', at: 300, status: 'achieved' })],
      [decision({ id: 'dec1', at: 200, decision: 'agreed' })],
    );
    expect(state).toEqual({ status: 'achieved', suggestion: null, agreedAt: 200 });
    const reversed = goalState(
      goal(),
      [statusChange({ id: 'chg1', at: 100, status: 'achieved' })],
      [decision({ id: 'dec1', at: 200, decision: 'agreed' })],
    );
    expect(reversed.status).toBe('agreed');
  });

  it('breaks a tie in time by id, whatever order the lists come in', () => {
    const drop = statusChange({ id: 'bbbb', at: 100, status: 'dropped' });
    const agree = decision({ id: 'aaaa', at: 100, decision: 'agreed' });
    expect(goalState(goal(), [drop], [agree]).status).toBe('dropped');
    const dropFirst = statusChange({ id: 'aaaa', at: 100, status: 'dropped' });
    const agreeLast = decision({ id: 'bbbb', at: 100, decision: 'agreed' });
    expect(goalState(goal(), [dropFirst], [agreeLast]).status).toBe('agreed');
  });
});

describe('isOpen', () => {
  it('proposed, agreed and revised goals are open; achieved and dropped are not', () => {
    expect(GOAL_STATUSES.filter((s) => isOpen(s))).toEqual([
      'proposed',
      'agreed',
      'revised',
    ]);
  });
});
