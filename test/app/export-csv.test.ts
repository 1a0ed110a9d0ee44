import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import * as Y from 'yjs';
import { classDocument, initMeta, planDocument } from '../../src/core';
import { goalRows, toCsv } from '../../src/app/export/csv-rows';

const FORMULAS = ['=HYPERLINK("http://evil.test","click")', '@SUM(1+1)*cmd|\' /C calc\'!A0', '+1+1', '-2+3', '\t=1', '=1+1\nsecond line', '＝1+1'];

describe('CSV export', () => {
  it('writes student titles and roster names that look like formulas as text', async () => {
    const classDoc = new Y.Doc();
    initMeta(classDoc, { kind: 'class', classId: 'class-1' });
    const roster = classDocument(classDoc).students;
    const plans = FORMULAS.map((formula) => {
      const studentId = roster.add({ displayName: formula, language: 'en', archived: false });
      const plan = new Y.Doc();
      planDocument(plan).goals.add({ title: formula, startDate: '2026-11-01', targetDate: '2026-12-01', createdAt: 1 });
      return { studentId, plan, coach: new Y.Doc() };
    });
    const csv = await toCsv(goalRows(classDoc, plans, '2026-11-15'));
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(rows).toHaveLength(FORMULAS.length);
    for (const row of rows) {
      expect(row.student!.startsWith("'")).toBe(true);
      expect(row.goal!.startsWith("'")).toBe(true);
      expect(FORMULAS).toContain(row.goal!.slice(1));
    }
    // Numbers stay numbers.
    expect(rows.every((r) => /^\d+$/.test(r.progress!))).toBe(true);
  });
});
