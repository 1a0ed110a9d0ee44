import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_EDIT, classDocument, planDocument, type ReadIssue } from '../../src/core';

describe('Settings', () => {
  it('reads defaults from an empty map without reporting anything', () => {
    const issues: ReadIssue[] = [];
    const cls = classDocument(new Y.Doc(), (i) => issues.push(i));
    expect(cls.settings.read()).toEqual({ name: '', cadenceDays: 14, defaultLanguage: 'en' });
    expect(issues).toEqual([]);
  });

  it('writes plain values as a local edit and reads them back', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    const cls = classDocument(doc);
    cls.settings.write({ name: 'Year 7 blue', cadenceDays: 7, defaultLanguage: undefined });
    expect(cls.settings.read()).toEqual({ name: 'Year 7 blue', cadenceDays: 7, defaultLanguage: 'en' });
    expect(doc.getMap('settings').has('defaultLanguage')).toBe(false);
    expect(origins).toEqual([LOCAL_EDIT]);
  });

  it('a bad value falls back to its default and is reported; the other values are kept', () => {
    const issues: ReadIssue[] = [];
    const doc = new Y.Doc();
    const cls = classDocument(doc, (i) => issues.push(i));
    const raw = doc.getMap<unknown>('settings');
    raw.set('name', 'Room 4');
    raw.set('cadenceDays', 400);
    raw.set('defaultLanguage', 'klingon');
    raw.set('unknownKey', { anything: true });
    expect(cls.settings.read()).toEqual({ name: 'Room 4', cadenceDays: 14, defaultLanguage: 'en' });
    expect(issues).toEqual([
      { collection: 'settings', id: 'cadenceDays', problem: 'invalid value' },
      { collection: 'settings', id: 'defaultLanguage', problem: 'invalid value' },
    ]);
    // Reading repairs nothing in the document: a device must not write defaults over real data.
    expect(raw.get('cadenceDays')).toBe(400);
  });

  it('reports which settings map held the bad value', () => {
    const issues: ReadIssue[] = [];
    const doc = new Y.Doc();
    const plan = planDocument(doc, (i) => issues.push(i));
    doc.getMap<unknown>('profile').set('language', 7);
    expect(plan.profile.read()).toEqual({ language: 'en' });
    expect(issues).toEqual([{ collection: 'profile', id: 'language', problem: 'invalid value' }]);
  });

  it('settings set on two devices at once converge to one of the written values', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    classDocument(a).settings.write({ cadenceDays: 7 });
    classDocument(b).settings.write({ cadenceDays: 21 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const value = classDocument(a).settings.read().cadenceDays;
    expect([7, 21]).toContain(value);
    expect(classDocument(b).settings.read().cadenceDays).toBe(value);
  });
});
