import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { GOAL_PATHS, currentProgress, planDocument, plainRecord, type PlanDocument } from '../../src/core';
import { World, clientIdsArb, commandArb, tokensOf, type Replica } from './replicas';

const RUNS = 200;

function sharedState(doc: Y.Doc): Record<string, unknown> {
  return Object.fromEntries([...doc.share.keys()].map((name) => [name, doc.getMap(name).toJSON()]));
}

/** A stored field as it sits in the document (Y.Text read as a string). */
function storedField(r: Replica, key: string): unknown {
  const [collection, id, field] = key.split('/') as [string, string, string];
  if (collection === 'profile') return r.plan.profile.root.get(field);
  const doc = collection === 'checkins' ? r.coach.doc : r.plan.doc;
  const record = doc.getMap<Y.Map<unknown>>(collection).get(id);
  return record && plainRecord(id, record)[field];
}

function collectionOf(r: Replica, name: string) {
  if (name === 'goals') return r.plan.goals;
  if (name === 'progress') return r.plan.progress;
  if (name === 'reflections') return r.plan.reflections;
  if (name === 'checkins') return r.coach.checkins;
  throw new Error(`no collection ${name} in this test`);
}

/** Checks a fully synced world; returns how many plain fields ended with concurrent writes. */
function assertConverged(world: World): number {
  const [first, ...others] = world.replicas as [Replica, ...Replica[]];
  for (const r of others) {
    for (const key of ['plan', 'coach'] as const) {
      expect(Y.decodeStateVector(Y.encodeStateVector(r[key].doc))).toEqual(Y.decodeStateVector(Y.encodeStateVector(first[key].doc)));
      expect(sharedState(r[key].doc)).toEqual(sharedState(first[key].doc));
    }
  }
  for (const r of world.replicas) {
    for (const [name, expected] of world.records) {
      const collection = collectionOf(r, name);
      expect([...collection.root.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [id, deleted] of expected) {
        // Every record ever added is there, valid, and soft-deleted exactly when someone deleted it.
        expect(collection.get(id)).toMatchObject({ id, deleted });
      }
    }
    for (const [id, value] of world.progressValues) expect(r.plan.progress.get(id)?.value).toBe(value);
    for (const [key, tokens] of world.tokens) {
      const text = storedField(r, key);
      expect(typeof text).toBe('string');
      // Only whole tokens (no torn or interleaved characters), and exactly the tokens typed.
      expect(tokensOf(text as string).join('')).toBe(text);
      expect(tokensOf(text as string).sort()).toEqual([...tokens].sort());
    }
  }
  let concurrent = 0;
  for (const key of world.writes.keys()) {
    const survivors = world.survivors(key);
    if (survivors.length > 1) concurrent++;
    expect(survivors).toContain(storedField(first, key));
  }
  return concurrent;
}

describe('three replicas of a plan and a coach document', () => {
  it(`converge after random edits, syncs and offline gaps, losing nothing (${RUNS} runs)`, () => {
    let runsWithConflicts = 0;
    let runsWithOfflineGaps = 0;
    let runsWithConcurrentTyping = 0;
    fc.assert(
      fc.property(clientIdsArb, fc.array(commandArb, { minLength: 1, maxLength: 120, size: 'max' }), (clientIds, commands) => {
        const world = new World(clientIds);
        for (const command of commands) world.apply(command);
        world.syncAll();
        if (assertConverged(world) > 0) runsWithConflicts++;
        if (commands.some((c) => c.op === 'offline')) runsWithOfflineGaps++;
        if (world.concurrentTexts.size > 0) runsWithConcurrentTyping++;
      }),
      { numRuns: RUNS, seed: 20261123 },
    );
    // The property is only worth something if concurrent writes to the same field really happened.
    expect(runsWithConflicts).toBeGreaterThan(RUNS / 4);
    expect(runsWithConcurrentTyping).toBeGreaterThan(RUNS / 4);
    expect(runsWithOfflineGaps).toBeGreaterThan(RUNS / 4);
    console.info(`runs with concurrent field writes ${runsWithConflicts}, concurrent typing ${runsWithConcurrentTyping}, offline gaps ${runsWithOfflineGaps} (of ${RUNS})`);
  });
});

const editArb = fc.oneof(
  fc.record({ op: fc.constant('title' as const) }),
  fc.record({ op: fc.constant('path' as const), path: fc.constantFrom(...GOAL_PATHS) }),
  fc.record({ op: fc.constant('why' as const) }),
  fc.record({ op: fc.constant('progress' as const), value: fc.integer({ min: 0, max: 100 }) }),
);

describe('soft delete', () => {
  it('a delete concurrent with edits keeps the edits and the records added meanwhile', () => {
    fc.assert(
      fc.property(
        clientIdsArb,
        fc.array(editArb, { minLength: 1, maxLength: 12, size: 'max' }),
        fc.constantFrom('deleter-first', 'editor-first', 'through-third'),
        (clientIds, edits, order) => {
          const [deleter, editor, third] = clientIds.map((id) => {
            const doc = new Y.Doc();
            doc.clientID = id;
            return planDocument(doc);
          }) as [PlanDocument, PlanDocument, PlanDocument];
          const send = (a: PlanDocument, b: PlanDocument) =>
            Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
          deleter.goals.add({ title: 'first', why: '[k0]', startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 }, 'goal1');
          send(deleter, editor);
          send(deleter, third);

          deleter.goals.remove('goal1');
          const expected = { title: 'first', path: 'own', tokens: ['[k0]'], progress: new Map<string, number>() };
          edits.forEach((edit, i) => {
            if (edit.op === 'title') editor.goals.update('goal1', { title: (expected.title = `title ${i}`) });
            if (edit.op === 'path') editor.goals.update('goal1', { path: (expected.path = edit.path) });
            if (edit.op === 'why') {
              expected.tokens.push(`[k${i + 1}]`);
              editor.goals.update('goal1', { why: expected.tokens.join('') });
            }
            if (edit.op === 'progress') expected.progress.set(editor.progress.add({ goalId: 'goal1', at: 10 + i, value: edit.value }), edit.value);
          });

          if (order === 'deleter-first') [send(deleter, editor), send(editor, deleter)];
          if (order === 'editor-first') [send(editor, deleter), send(deleter, editor)];
          if (order === 'through-third') [send(editor, third), send(deleter, third), send(third, editor), send(third, deleter)];
          send(deleter, third);
          send(editor, third);

          for (const replica of [deleter, editor, third]) {
            expect(replica.goals.get('goal1')).toMatchObject({ deleted: true, title: expected.title, path: expected.path, why: expected.tokens.join('') });
            expect(replica.goals.list()).toEqual([]);
            for (const [id, value] of expected.progress) expect(replica.progress.get(id)).toMatchObject({ goalId: 'goal1', value, deleted: false });
            const latest = [...expected.progress.values()].at(-1) ?? 0;
            expect(currentProgress('goal1', replica.progress.list())).toBe(latest);
          }
        },
      ),
      { numRuns: RUNS, seed: 7 },
    );
  });

  it('(why not a hard delete) deleting the Y.Map outright loses a concurrent edit', () => {
    const a = planDocument(new Y.Doc());
    const b = planDocument(new Y.Doc());
    a.goals.add({ title: 'first', startDate: '2026-09-01', targetDate: '2026-12-01', createdAt: 1 }, 'goal1');
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.goals.root.delete('goal1');
    b.goals.update('goal1', { title: 'edited offline' });
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(a.goals.get('goal1')).toBeNull();
    expect(b.goals.get('goal1')).toBeNull();
  });
});
