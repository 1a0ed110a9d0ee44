import type * as Y from 'yjs';
import { useStudentI18n as useI18n } from './i18n';
import { teacherNote } from './use-student';

/** The teacher's latest shared note and the next steps: read-only here (the coach document is the teacher's). */
export function TeacherNote({ coach }: { coach: Y.Doc }) {
  const { t, formatDate } = useI18n();
  const { latest, steps } = teacherNote(coach);
  return (
    <section class="card stack home-card home-card--teacher" aria-labelledby="home-teacher">
      <h2 id="home-teacher">{t('home.fromTeacher')}</h2>
      {latest ? (
        <figure class="teacher-note">
          <blockquote>{latest.sharedNote}</blockquote>
          <figcaption class="muted">
            {latest.teacherName ? t('home.noteBy', { name: latest.teacherName, date: formatDate(latest.date) }) : formatDate(latest.date)}
          </figcaption>
        </figure>
      ) : (
        <p class="muted">{t('home.noNote')}</p>
      )}
      {steps.length > 0 && (
        <>
          <h3>{t('home.nextSteps')}</h3>
          <ul class="next-steps">
            {steps.map((s) => (
              <li key={s.id}>
                <span aria-hidden="true">➜ </span>{s.text}
                {s.due && <span class="muted"> · {t('home.due', { date: formatDate(s.due) })}</span>}
                {s.owner === 'teacher' && <span class="muted"> · {t('home.teacherWillDo')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
