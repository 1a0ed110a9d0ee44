import { useState } from 'preact/hooks';
import { classDocument, type Language } from '../../core';
import { Notice } from '../components/Notice';
import { useTeacherI18n } from '../dashboard/i18n';
import { loadPapa } from '../export/papa';
import { addStudent } from '../data/class';
import { useSession } from '../session/context';
import { planRosterImport, type ImportRow } from './roster-csv';

/** Roster from a CSV file: a preview first, a message for each row that cannot be added, then one tap to add the rest. */
export function RosterImport({ classId, defaultLanguage }: { classId: string; defaultLanguage: Language }) {
  const { t } = useTeacherI18n();
  const { store } = useSession();
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [fileName, setFileName] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function read(file: File) {
    setResult(null);
    setFailure(null);
    setFileName(file.name);
    try {
      const papa = await loadPapa();
      const parsed = papa.parse<string[]>(await file.text(), { skipEmptyLines: false });
      if (!store) return;
      const cls = classDocument(store.open({ kind: 'class', classId }).doc);
      setRows(planRosterImport(parsed.data, cls.students.list().map((s) => s.displayName), defaultLanguage));
    } catch {
      setRows(null);
      setFailure(t('imp.unreadable', { file: file.name }));
    }
  }

  function importRows() {
    if (!store || !rows) return;
    const toAdd = rows.filter((r) => r.status === 'add');
    // Planned again against the roster as it is now, so a second tap (or a second device's import) adds no one twice.
    const cls = classDocument(store.open({ kind: 'class', classId }).doc);
    const fresh = planRosterImport([['name', 'language'], ...toAdd.map((r) => [r.name, r.language])], cls.students.list().map((s) => s.displayName), defaultLanguage);
    const added = fresh.filter((r) => r.status === 'add');
    for (const r of added) addStudent(store, classId, r.name, r.language);
    setResult(t('imp.result', {
      count: added.length,
      skipped: rows.filter((r) => r.status === 'exists').length + (toAdd.length - added.length),
      errors: rows.filter((r) => r.status === 'error').length,
    }));
    setRows(null);
  }

  const counts = rows ? { add: rows.filter((r) => r.status === 'add').length, exists: rows.filter((r) => r.status === 'exists').length, error: rows.filter((r) => r.status === 'error').length } : null;
  return (
    <div class="stack roster-import">
      <h3>{t('imp.title')}</h3>
      <p class="muted">{t('imp.hint')}</p>
      <label class="button file-button">
        {t('imp.choose')}
        <input type="file" accept=".csv,text/csv,text/plain" class="visually-hidden"
          onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void read(f); e.currentTarget.value = ''; }} />
      </label>
      {failure && <Notice kind="error">{failure}</Notice>}
      {result && <Notice kind="info">{result}</Notice>}
      {rows && counts && (
        <div class="stack">
          <p role="status"><strong>{fileName}:</strong> {t('imp.summary', { count: counts.add, exists: counts.exists, errors: counts.error })}</p>
          <div class="table-scroll">
            <table class="import-preview">
              <caption class="visually-hidden">{t('imp.preview')}</caption>
              <thead><tr><th scope="col">{t('imp.line')}</th><th scope="col">{t('imp.name')}</th><th scope="col">{t('imp.language')}</th><th scope="col">{t('imp.what')}</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.line} class={`import-row import-row--${r.status}`}>
                    <td>{r.line}</td>
                    <td>{r.name || '—'}</td>
                    <td>{r.status === 'error' && r.problem === 'language-unknown' ? r.rawLanguage : t(`lang.${r.language}`)}</td>
                    <td>{r.status === 'add' ? `✓ ${t('imp.willAdd')}` : r.status === 'exists' ? `= ${t('imp.exists')}` : `✗ ${t(`imp.problem.${r.problem!}`, { line: r.line, value: r.rawLanguage })}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div class="button-row">
            <button type="button" class="button button--primary" disabled={counts.add === 0} onClick={importRows}>{t('imp.add', { count: counts.add })}</button>
            <button type="button" class="button" onClick={() => setRows(null)}>{t('goal.cancel')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
