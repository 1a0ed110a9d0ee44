import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setText } from '../../src/core';

/** The result of setText and the insert/delete calls it made on the Y.Text. */
function edit(before: string, after: string) {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, before);
  const calls: string[] = [];
  const { insert, delete: remove } = text;
  text.insert = (index, content) => {
    calls.push(`insert ${index} ${content}`);
    insert.call(text, index, content);
  };
  text.delete = (index, length) => {
    calls.push(`delete ${index} ${length}`);
    remove.call(text, index, length);
  };
  setText(text, after);
  return { result: text.toString(), calls };
}

describe('setText', () => {
  it('makes the smallest edit: keeps the common prefix and suffix', () => {
    expect(edit('I like stories', 'I love stories')).toEqual({ result: 'I love stories', calls: ['delete 3 2', 'insert 3 ov'] });
    expect(edit('abc', 'abXc').calls).toEqual(['insert 2 X']);
    expect(edit('abXc', 'abc').calls).toEqual(['delete 2 1']);
    expect(edit('', 'new').calls).toEqual(['insert 0 new']);
    expect(edit('old', '')).toEqual({ result: '', calls: ['delete 0 3'] });
  });

  it('does nothing when the text is unchanged', () => {
    expect(edit('same', 'same')).toEqual({ result: 'same', calls: [] });
  });

  it('handles repeated characters without deleting more than needed', () => {
    expect(edit('aaaa', 'aaaaa').calls).toEqual(['insert 4 a']);
    expect(edit('abab', 'ab').calls).toEqual(['delete 2 2']);
  });

  it('keeps both people\'s words when they type in the same text at once', () => {
    const a = new Y.Doc();
    a.getText('t').insert(0, 'We will bake.');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setText(a.getText('t'), 'We will bake bread.');
    setText(b.getText('t'), 'Tomorrow we will bake.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('Tomorrow we will bake bread.');
    expect(b.getText('t').toString()).toBe('Tomorrow we will bake bread.');
  });
});
