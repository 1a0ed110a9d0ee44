import { describe, expect, it } from 'vitest';
import { currentProgress, progressHistory } from '../../src/core';
import { progress } from './builders';

describe('progress', () => {
  it('is 0 without updates', () => {
    expect(currentProgress('goal1', [])).toBe(0);
    expect(currentProgress('goal1', [progress({ id: 'upd1', goalId: 'other', at: 5, value: 80 })])).toBe(0);
  });

  it('is the value of the latest update by time, not by position in the list', () => {
    const updates = [
      progress({ id: 'late', at: 300, value: 40 }),
      progress({ id: 'early', at: 100, value: 90 }),
      progress({ id: 'middle', at: 200, value: 60 }),
    ];
    expect(currentProgress('goal1', updates)).toBe(40);
    expect(progressHistory('goal1', updates).map((u) => u.id)).toEqual(['early', 'middle', 'late']);
  });

  it('breaks a tie in time by id, so every device picks the same update', () => {
    const a = progress({ id: 'aaaa', at: 100, value: 10 });
    const b = progress({ id: 'bbbb', at: 100, value: 20 });
    expect(currentProgress('goal1', [a, b])).toBe(20);
    expect(currentProgress('goal1', [b, a])).toBe(20);
    expect(progressHistory('goal1', [b, a]).map((u) => u.id)).toEqual(['aaaa', 'bbbb']);
  });

  it('ignores deleted updates and other goals', () => {
    const updates = [
      progress({ id: 'kept', at: 100, value: 30 }),
      progress({ id: 'gone', at: 900, value: 95, deleted: true }),
      progress({ id: 'elsewhere', goalId: 'goal2', at: 950, value: 70 }),
    ];
    expect(currentProgress('goal1', updates)).toBe(30);
    expect(progressHistory('goal1', updates).map((u) => u.id)).toEqual(['kept']);
    expect(currentProgress('goal2', updates)).toBe(70);
  });

  it('does not reorder the caller\'s array', () => {
    const updates = [progress({ id: 'late', at: 2, value: 1 }), progress({ id: 'early', at: 1, value: 2 })];
    progressHistory('goal1', updates);
    expect(updates.map((u) => u.id)).toEqual(['late', 'early']);
  });
});
