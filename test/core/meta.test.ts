import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_VERSION, SYSTEM_WRITE, initMeta, metaRef, readMeta, writeAccess } from '../../src/core';

describe('document meta', () => {
  it('reads nothing from a fresh document, which stays writable', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc)).toEqual({ name: null, schema: null, createdAt: null });
    expect(writeAccess(doc)).toBe('writable');
    expect(metaRef(doc)).toBeNull();
  });

  it('is written once by the creator, as a system write, and read back', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    initMeta(doc, { kind: 'plan', classId: 'cls1', studentId: 'stu1' }, 1234);
    expect(origins).toEqual([SYSTEM_WRITE]);
    expect(readMeta(doc)).toEqual({ name: 'plan:cls1:stu1', schema: SCHEMA_VERSION, createdAt: 1234 });
    expect(doc.getMap('meta').get('kind')).toBe('plan');
    expect(metaRef(doc)).toEqual({ kind: 'plan', classId: 'cls1', studentId: 'stu1' });
    expect(writeAccess(doc)).toBe('writable');
  });

  it('travels with the document to another device', () => {
    const a = new Y.Doc();
    initMeta(a, { kind: 'staff', classId: 'cls1' }, 5);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(metaRef(b)).toEqual({ kind: 'staff', classId: 'cls1' });
  });

  it('a document from a newer schema is read-only for this build', () => {
    const doc = new Y.Doc();
    initMeta(doc, { kind: 'class', classId: 'cls1' });
    doc.getMap('meta').set('schema', SCHEMA_VERSION + 1);
    expect(writeAccess(doc)).toBe('newer-schema');
    doc.getMap('meta').set('schema', SCHEMA_VERSION);
    expect(writeAccess(doc)).toBe('writable');
  });

  it('a newer schema arriving by sync makes the receiving device read-only', () => {
    const newer = new Y.Doc();
    initMeta(newer, { kind: 'class', classId: 'cls1' });
    newer.getMap('meta').set('schema', SCHEMA_VERSION + 3);
    const old = new Y.Doc();
    expect(writeAccess(old)).toBe('writable');
    Y.applyUpdate(old, Y.encodeStateAsUpdate(newer));
    expect(writeAccess(old)).toBe('newer-schema');
  });

  it('ignores malformed meta values rather than trusting them', () => {
    const doc = new Y.Doc();
    const meta = doc.getMap<unknown>('meta');
    meta.set('name', 42);
    meta.set('schema', 2.5);
    meta.set('createdAt', 'yesterday');
    expect(readMeta(doc)).toEqual({ name: null, schema: null, createdAt: null });
    expect(writeAccess(doc)).toBe('writable');
    meta.set('name', 'plan:NOPE');
    expect(metaRef(doc)).toBeNull();
  });
});
