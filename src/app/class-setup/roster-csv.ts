import { LANGUAGES, type Language } from '../../core';

export type ImportRowStatus = 'add' | 'exists' | 'error';
export type ImportProblem = 'name-missing' | 'name-too-long' | 'language-unknown' | 'duplicate-in-file';

export interface ImportRow {
  /** The line in the file (the header is line 1). */
  line: number;
  name: string;
  language: Language;
  status: ImportRowStatus;
  problem: ImportProblem | null;
  /** What was in the language column, for the message. */
  rawLanguage: string;
}

const NAME_COLUMNS = ['name', 'student', 'student name', 'display name', 'full name', 'nombre', 'estudiante'];
const LANGUAGE_COLUMNS = ['language', 'family language', 'lang', 'idioma'];
const LANGUAGE_WORDS: Record<string, Language> = {
  en: 'en', english: 'en', inglés: 'en', ingles: 'en',
  es: 'es', spanish: 'es', español: 'es', espanol: 'es', castellano: 'es',
};

/** How names are compared: case, accents' composition and extra spaces do not make a new student. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

function column(header: readonly string[], names: readonly string[]): number {
  return header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/**
 * What importing these CSV rows (the first one a header) would do, row by row: add the student,
 * skip them because they are already in the class (so the same file imported twice adds no one
 * twice), or refuse the row with a reason. A file without a recognised header is read as names
 * in the first column.
 */
export function planRosterImport(rows: readonly (readonly string[])[], existingNames: readonly string[], defaultLanguage: Language): ImportRow[] {
  const nonEmpty = rows.map((cells, i) => ({ cells, line: i + 1 })).filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return [];
  const header = nonEmpty[0]!.cells;
  let nameAt = column(header, NAME_COLUMNS);
  let langAt = column(header, LANGUAGE_COLUMNS);
  let body = nonEmpty.slice(1);
  if (nameAt < 0) {
    nameAt = 0;
    langAt = header.length > 1 ? 1 : -1;
    body = nonEmpty;
  }
  const known = new Set(existingNames.map(nameKey));
  const seen = new Set<string>();
  return body.map(({ cells, line }) => {
    const name = (cells[nameAt] ?? '').trim().replace(/\s+/g, ' ');
    const rawLanguage = langAt >= 0 ? (cells[langAt] ?? '').trim() : '';
    const language = rawLanguage === '' ? defaultLanguage : LANGUAGE_WORDS[rawLanguage.toLowerCase()];
    const row = { line, name, language: language ?? defaultLanguage, rawLanguage };
    const fail = (problem: ImportProblem): ImportRow => ({ ...row, status: 'error', problem });
    if (!name) return fail('name-missing');
    if (name.length > 80) return fail('name-too-long');
    if (!language || !(LANGUAGES as readonly string[]).includes(language)) return fail('language-unknown');
    const key = nameKey(name);
    if (known.has(key)) return { ...row, status: 'exists', problem: null };
    if (seen.has(key)) return fail('duplicate-in-file');
    seen.add(key);
    return { ...row, status: 'add', problem: null };
  });
}
