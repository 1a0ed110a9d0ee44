import type { ComponentChildren } from 'preact';
import { classDocument } from '../../core';
import { PaceBadge } from '../components/PaceBadge';
import { teacherTranslator } from '../dashboard/i18n';
import { useYDoc } from '../hooks/useYDoc';
import { I18nContext, makeI18n, useI18n } from '../i18n';
import { href } from '../router';
import { useSession } from '../session/context';
import { familyReportData } from './report-data';
import './report.css';

/**
 * One printable page for a student's family, in the language chosen for that family on the
 * roster. Opens the class, plan and coach documents only — never the teachers' staff document.
 */
export function FamilyReport({ studentId }: { studentId: string }) {
  const screen = useI18n();
  const { classId } = useSession();
  const cls = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => ({ doc, student: classDocument(doc).students.get(studentId), settings: classDocument(doc).settings.read() }));
  const coach = useYDoc(classId ? { kind: 'coach', classId, studentId } : null, (doc) => doc);
  const plan = useYDoc(classId ? { kind: 'plan', classId, studentId } : null, (doc) => doc);
  if (!cls.data || !plan.data || !coach.data) return <p class="muted">{screen.t('app.loading')}</p>;
  const language = cls.data.student?.language ?? cls.data.settings.defaultLanguage;
  const family = makeI18n(language, () => {});
  const t = teacherTranslator(language, family.t);
  const data = familyReportData(plan.data, coach.data, cls.data.doc);
  const name = cls.data.student?.displayName ?? '';

  return (
    <section class="stack family-report-screen">
      <div class="no-print title-row">
        <a href={href({ name: 'student', studentId })}>{teacherTranslator(screen.language, screen.t)('rep.back', { name })}</a>
        <button type="button" class="button button--primary" onClick={() => window.print()}>{teacherTranslator(screen.language, screen.t)('rep.print')}</button>
      </div>
      <p class="no-print muted">{teacherTranslator(screen.language, screen.t)('rep.languageNote', { language: screen.t(`lang.${language}`) })}</p>
      <I18nContext.Provider value={family}>
        <article class="family-report card" lang={language} aria-labelledby="report-title">
          <header class="family-report__head">
            <h1 id="report-title">{t('rep.title', { name })}</h1>
            <p class="muted">{t('rep.subtitle', { className: cls.data.settings.name, date: family.formatDate(new Date().toISOString().slice(0, 10)) })}</p>
          </header>
          <section aria-labelledby="rep-goals">
            <h2 id="rep-goals">{t('rep.goals')}</h2>
            {data.goals.length === 0 && <p class="muted">{t('rep.noGoals')}</p>}
            <ul class="rep-goals">
              {data.goals.map((g) => (
                <li key={g.id}>
                  <div class="rep-goal__head"><strong>{g.title}</strong> <PaceBadge pace={g.pace} />{g.stage !== 'agreed' && <span class="muted"> · {t(`rep.stage.${g.stage}`)}</span>}</div>
                  <div class="rep-bar" aria-hidden="true"><span style={{ width: `${g.progress}%` }} /></div>
                  <p class="muted">{t('rep.goalLine', { value: Math.round(g.progress), date: family.formatDate(g.targetDate) })}</p>
                </li>
              ))}
            </ul>
          </section>
          {data.proposals.length > 0 && (
            <section aria-labelledby="rep-proposals">
              <h2 id="rep-proposals">{t('rep.proposals')}</h2>
              <p class="muted">{t('rep.proposalsHint')}</p>
              <ul class="rep-proposals">
                {data.proposals.map((g) => <li key={g.id}>{g.title}</li>)}
              </ul>
            </section>
          )}
          <ReportSection name="notes" title={t('rep.notes')} empty={data.notes.length === 0 ? t('rep.noNotes') : null}>
            {data.notes.map((n, i) => <li key={i}><span class="muted">{family.formatDate(n.date)}:</span> {n.note}</li>)}
          </ReportSection>
          <ReportSection name="steps" title={t('rep.nextSteps')} empty={data.nextSteps.length === 0 ? t('rep.noSteps') : null}>
            {data.nextSteps.map((s, i) => (
              <li key={i}>☐ {s.text} <span class="muted">· {t(`rep.owner.${s.owner}`)}{s.due ? ` · ${family.formatDate(s.due)}` : ''}</span></li>
            ))}
          </ReportSection>
          <ReportSection name="projects" title={t('rep.projects')} empty={data.projects.length === 0 ? t('rep.noProjects') : null}>
            {data.projects.map((p) => (
              <li key={p.id}><strong>{p.title}</strong>{p.question && <> — {p.question}</>} <span class="muted">· {t('sv.stepsDone', { done: p.done, total: p.total })}{p.proposal ? ` · ${t('rep.proposal')}` : ''}</span></li>
            ))}
          </ReportSection>
          <footer class="muted family-report__foot">{t('rep.footer')}</footer>
        </article>
      </I18nContext.Provider>
    </section>
  );
}

/** One part of the printed page: a heading, a line when there is nothing, and the list. */
function ReportSection({ name, title, empty, children }: { name: string; title: string; empty: string | null; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`rep-${name}`}>
      <h2 id={`rep-${name}`}>{title}</h2>
      {empty && <p class="muted">{empty}</p>}
      <ul class={`rep-${name}`}>{children}</ul>
    </section>
  );
}
