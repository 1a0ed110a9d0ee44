import { describe, expect, it } from 'vitest';
import { isId, newId } from '../../src/core';

describe('ids', () => {
  it('makes 16-symbol ids from an alphabet without look-alikes, valid by isId', () => {
    const id = newId();
    expect(id).toMatch(/^[a-km-np-z2-9]{16}$/);
    expect(isId(id)).toBe(true);
    expect(newId(40)).toHaveLength(40);
    expect(isId(newId(40))).toBe(true);
  });

  it('uses every symbol of the alphabet and only those', () => {
    const seen = new Set(Array.from({ length: 200 }, () => newId()).join(''));
    expect([...seen].sort().join('')).toBe('23456789abcdefghijkmnpqrstuvwxyz');
  });

  it('does not repeat', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('accepts 4 to 40 lowercase letters and digits, and nothing else', () => {
    for (const ok of ['abcd', 'a1b2', '0000', 'z'.repeat(40), 'lo01']) expect(isId(ok), ok).toBe(true);
    for (const bad of ['abc', 'z'.repeat(41), 'ABCD', 'ab-cd', 'ab cd', 'abcd\n', '', 'ñandu']) expect(isId(bad), bad).toBe(false);
    for (const bad of [null, undefined, 1234, ['abcd'], { id: 'abcd' }]) expect(isId(bad)).toBe(false);
  });
});
