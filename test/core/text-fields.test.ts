import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { coachDocument, planDocument } from '../../src/core';

function pair<T>(open: (doc: Y.Doc) => T): [T, T, () => void] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return [open(a), open(b), sync];
}

describe('text fields left out when a record is added', () => {
  it('are created with the record, so two devices typing into one offline both keep their words', () => {
    const [a, b, sync] = pair((doc) => planDocument(doc));
    a.reflections.add({ at: 1 }, 'refl1');
    sync();
    a.reflections.update('refl1', { hard: 'from a.' });
    b.reflections.update('refl1', { hard: 'from b.' });
    sync();
    const hard = a.reflections.get('refl1')!.hard;
    expect(b.reflections.get('refl1')!.hard).toBe(hard);
    expect(hard).toContain('from a.');
    expect(hard).toContain('from b.');
  });

  it('applies to a check-in started empty and then written by two teachers', () => {
    const [a, b, sync] = pair((doc) => coachDocument(doc));
    a.checkins.add({ date: '2026-10-01', at: 1 }, 'chk1');
    expect(a.checkins.root.get('chk1')!.get('sharedNote')).toBeInstanceOf(Y.Text);
    expect(a.checkins.get('chk1')!.sharedNote).toBe('');
    sync();
    a.checkins.update('chk1', { sharedNote: 'Reading well. ' });
    b.checkins.update('chk1', { sharedNote: 'Ask about fractions.' });
    sync();
    expect(a.checkins.get('chk1')!.sharedNote).toMatch(/^(Reading well\. Ask about fractions\.|Ask about fractions\.Reading well\. )$/);
  });

  it('plain (non-text) fields left out stay absent and read as their defaults', () => {
    const plan = planDocument(new Y.Doc());
    plan.reflections.add({ at: 1 }, 'refl1');
    expect(plan.reflections.root.get('refl1')!.has('mood')).toBe(false);
    expect(plan.reflections.get('refl1')).toEqual({ id: 'refl1', at: 1, did: '', hard: '', next: '', mood: null, deleted: false });
  });
});
