import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DOC_KINDS, classDocs, docName, parseDocName, studentDocs, type DocRef } from '../../src/core';

const idArb = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 4, maxLength: 40 });
const refArb: fc.Arbitrary<DocRef> = fc.oneof(
  fc.record({ kind: fc.constantFrom('class' as const, 'staff' as const), classId: idArb }),
  fc.record({ kind: fc.constantFrom('plan' as const, 'coach' as const), classId: idArb, studentId: idArb }),
);

describe('document names', () => {
  it('writes each kind as documented', () => {
    expect(docName({ kind: 'class', classId: 'cls1' })).toBe('class:cls1');
    expect(docName({ kind: 'staff', classId: 'cls1' })).toBe('staff:cls1');
    expect(docName({ kind: 'plan', classId: 'cls1', studentId: 'stu1' })).toBe('plan:cls1:stu1');
    expect(docName({ kind: 'coach', classId: 'cls1', studentId: 'stu1' })).toBe('coach:cls1:stu1');
    expect(DOC_KINDS).toEqual(['class', 'plan', 'coach', 'staff']);
  });

  it('round-trips every valid reference', () => {
    fc.assert(
      fc.property(refArb, (ref) => {
        expect(parseDocName(docName(ref))).toEqual(ref);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('rejects unknown kinds', () => {
    for (const name of ['goals:cls1', 'Class:cls1', 'plans:cls1:stu1', ':cls1', 'meta:cls1:stu1']) {
      expect(parseDocName(name), name).toBeNull();
    }
  });

  it('rejects the wrong number of parts for the kind', () => {
    for (const name of ['class', 'class:cls1:stu1', 'staff:cls1:stu1', 'plan:cls1', 'coach:cls1', 'plan:cls1:stu1:more', 'class:cls1:', '']) {
      expect(parseDocName(name), name).toBeNull();
    }
  });

  it('rejects bad ids', () => {
    const bad = ['abc', 'a'.repeat(41), 'CLS1', 'cls-1', 'cls_1', 'cls 1', '', 'clé1', 'cls1\n'];
    for (const id of bad) {
      expect(parseDocName(`class:${id}`), id).toBeNull();
      expect(parseDocName(`plan:${id}:stu1`), id).toBeNull();
      expect(parseDocName(`coach:cls1:${id}`), id).toBeNull();
    }
  });

  it('rejects names over 100 characters before looking inside them', () => {
    const longest = `coach:${'a'.repeat(40)}:${'b'.repeat(40)}`;
    expect(parseDocName(longest)).not.toBeNull();
    expect(parseDocName(`${longest}:${'c'.repeat(20)}`)).toBeNull();
    expect(parseDocName('x'.repeat(10_000))).toBeNull();
  });

  it('rejects anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['class', 'cls1'], { kind: 'class', classId: 'cls1' }, new String('class:cls1')]) {
      expect(parseDocName(value)).toBeNull();
    }
  });

  it('lists the documents of a student and of a class', () => {
    expect(studentDocs('cls1', 'stu1').map(docName)).toEqual(['plan:cls1:stu1', 'coach:cls1:stu1']);
    expect(classDocs('cls1').map(docName)).toEqual(['class:cls1', 'staff:cls1']);
  });
});
