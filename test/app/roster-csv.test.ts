import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { planRosterImport } from '../../src/app/class-setup/roster-csv';

const parse = (text: string) => Papa.parse<string[]>(text).data;

describe('planning a roster import from CSV', () => {
  const file = 'name,language\nAna López,Spanish\n,en\nBen Okafor,English\nCara Diaz,French\nana lópez,es\nDev Shah,\n';

  it('adds good rows, explains each bad row by its line, and finds duplicates inside the file', () => {
    const plan = planRosterImport(parse(file), [], 'en');
    expect(plan.map((r) => [r.line, r.name, r.status, r.problem])).toEqual([
      [2, 'Ana López', 'add', null],
      [3, '', 'error', 'name-missing'],
      [4, 'Ben Okafor', 'add', null],
      [5, 'Cara Diaz', 'error', 'language-unknown'],
      [6, 'ana lópez', 'error', 'duplicate-in-file'],
      [7, 'Dev Shah', 'add', null],
    ]);
    expect(plan.find((r) => r.name === 'Ana López')?.language).toBe('es');
    expect(plan.find((r) => r.name === 'Dev Shah')?.language).toBe('en');
  });

  it('skips everyone already on the roster, so the same file imported twice adds no one twice', () => {
    const first = planRosterImport(parse(file), [], 'es').filter((r) => r.status === 'add').map((r) => r.name);
    const second = planRosterImport(parse(file), first, 'es');
    expect(second.filter((r) => r.status === 'add')).toEqual([]);
    expect(second.filter((r) => r.status === 'exists').map((r) => r.name)).toEqual(['Ana López', 'Ben Okafor', 'ana lópez', 'Dev Shah']);
  });

  it('reads a file without a header as names in the first column', () => {
    const plan = planRosterImport(parse('Eva Ruiz\nFinn Berg\n'), ['  EVA   ruiz '], 'en');
    expect(plan.map((r) => [r.name, r.status])).toEqual([['Eva Ruiz', 'exists'], ['Finn Berg', 'add']]);
  });
});
