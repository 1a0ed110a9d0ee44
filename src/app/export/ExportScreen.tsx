import { useState } from 'preact/hooks';
import { classDocument } from '../../core';
import { Notice } from '../components/Notice';
import { useTeacherI18n } from '../dashboard/i18n';
import { useYDoc } from '../hooks/useYDoc';
import { href } from '../router';
import { useSession } from '../session/context';
import { checkinRows, goalRows, toCsv, type StudentDocs } from './csv-rows';

function download(name: string, text: string): void {
  // The byte-order mark makes spreadsheet programs read accents correctly.
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV files for the school's records, and a family report per student to print. */
export function ExportScreen() {
  const { t } = useTeacherI18n();
  const { classId, store } = useSession();
  const cls = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => doc);
  const [status, setStatus] = useState<string | null>(null);
  if (!classId || !store || !cls.data) return <p class="muted">{t('app.loading')}</p>;
  const classDoc = cls.data;
  const students = classDocument(classDoc).students.list().filter((s) => !s.archived).sort((a, b) => a.displayName.localeCompare(b.displayName));
  const slug = (classDocument(classDoc).settings.read().name || 'class').replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase();

  async function run(kind: 'checkins' | 'goals') {
    if (!store || !classId) return;
    setStatus(t('exp.working'));
    // An export is the one place that opens every student's documents: it is asked for, not drawn.
    const docs: StudentDocs[] = await Promise.all(students.map(async (s) => {
      const plan = store.open({ kind: 'plan', classId, studentId: s.id });
      const coach = store.open({ kind: 'coach', classId, studentId: s.id });
      await Promise.all([plan.whenLoaded, coach.whenLoaded]);
      return { studentId: s.id, plan: plan.doc, coach: coach.doc };
    }));
    const rows = kind === 'checkins' ? checkinRows(classDoc, docs) : goalRows(classDoc, docs);
    download(`${slug}-${kind}.csv`, await toCsv(rows));
    setStatus(t('exp.done', { count: rows.length }));
  }

  return (
    <section class="stack" aria-labelledby="export-title">
      <h1 id="export-title">{t('exp.title')}</h1>
      <div class="card stack">
        <h2>{t('exp.records')}</h2>
        <p class="muted">{t('exp.recordsHint')}</p>
        <div class="button-row">
          <button type="button" class="button button--primary" onClick={() => void run('checkins')}>{t('exp.checkins')}</button>
          <button type="button" class="button" onClick={() => void run('goals')}>{t('exp.goals')}</button>
        </div>
        {status && <Notice kind="info">{status}</Notice>}
      </div>
      <div class="card stack">
        <h2>{t('exp.reports')}</h2>
        <p class="muted">{t('exp.reportsHint')}</p>
        <ul class="roster">
          {students.map((s) => (
            <li key={s.id}><a href={href({ name: 'report', studentId: s.id })}>{t('exp.reportFor', { name: s.displayName })}</a> <span class="muted">{t(`lang.${s.language}`)}</span></li>
          ))}
        </ul>
      </div>
    </section>
  );
}
