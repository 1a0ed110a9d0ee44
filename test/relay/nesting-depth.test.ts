import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateNestingDepth } from '../../src/relay/nesting-depth';

const LIMIT = 16;

/** The depth the relay's copy (`base`) would reach with what `edit` does on a device that has it. */
function depthOf(edit: (doc: Y.Doc) => void, base = new Y.Doc()): number {
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(device);
  edit(device);
  const update = Y.encodeStateAsUpdate(device, before);
  return updateNestingDepth(Y.decodeUpdate(update).structs, base, LIMIT);
}

function nest(from: Y.Map<unknown>, levels: number, key = 'x'): Y.Map<unknown> {
  let m = from;
  for (let i = 0; i < levels; i++) {
    const next = new Y.Map<unknown>();
    m.set(key, next);
    m = next;
  }
  return m;
}

describe('nesting depth of an update', () => {
  it('a record with a text field is 3 deep', () => {
    expect(depthOf((d) => {
      const goal = new Y.Map<unknown>();
      d.getMap('goals').set('g1', goal);
      goal.set('why', new Y.Text('because'));
      goal.set('title', 'Fractions');
    })).toBe(3);
  });

  it('plain values only: 1', () => {
    expect(depthOf((d) => d.getMap('meta').set('schema', 1))).toBe(1);
  });

  it('20,000 levels in one update: past the limit, counted without recursion', () => {
    const started = Date.now();
    expect(depthOf((d) => d.transact(() => nest(d.getMap('goals'), 20_000)))).toBeGreaterThan(LIMIT);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('levels added one update at a time count what the document already has', () => {
    const relay = new Y.Doc();
    nest(relay.getMap('goals'), LIMIT - 1);
    let deepest = relay.getMap('goals');
    while (deepest.get('x') instanceof Y.Map) deepest = deepest.get('x') as Y.Map<unknown>;
    expect(depthOf((d) => {
      let m = d.getMap('goals');
      while (m.get('x') instanceof Y.Map) m = m.get('x') as Y.Map<unknown>;
      m.set('x', new Y.Map());
    }, relay)).toBe(LIMIT + 1);
  });

  it('a type set over an earlier value (its parent known only through its origin) is still counted', () => {
    expect(depthOf((d) => {
      d.transact(() => {
        let m = d.getMap('goals');
        for (let i = 0; i < 40; i++) {
          m.set('x', 'placeholder');
          const next = new Y.Map<unknown>();
          m.set('x', next);
          m = next;
        }
      });
    })).toBeGreaterThan(LIMIT);
  });

  it('arrays and texts nest too', () => {
    expect(depthOf((d) => {
      let a = d.getArray<unknown>('list');
      for (let i = 0; i < 40; i++) {
        const next = new Y.Array<unknown>();
        a.push(['pad', next]);
        a = next;
      }
    })).toBeGreaterThan(LIMIT);
  });
});
