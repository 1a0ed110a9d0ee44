import { classDocument, localDay, rankClass, type Attention } from '../../core';
import { readClassSummaries } from '../../local/projection';
import type { SummaryRow } from '../../local/types';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useYDoc } from '../hooks/useYDoc';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useSession } from '../session/context';
import { ReasonList } from './ReasonList';

/** The class ranked by who needs a check-in, read from the device's query index (never every document). */
export function ClassList() {
  const { t } = useI18n();
  const { profile, classId } = useSession();
  const { data: settings } = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => classDocument(doc).settings.read());
  const rows = useLiveQuery<SummaryRow[] | null>(
    () => (profile && classId ? readClassSummaries(profile.id, classId) : []),
    [profile?.id, classId],
    null,
  );
  if (!classId) return null;
  if (!settings || !rows) return <p>{t('app.loading')}</p>;
  const today = localDay();
  const active = rows.filter((r) => !r.archived);
  const byId = new Map(active.map((r) => [r.studentId, r]));
  const ranked = rankClass(active, settings.cadenceDays, today);
  const needs = ranked.filter((a) => a.needsCheckIn);
  const others = ranked.filter((a) => !a.needsCheckIn);

  return (
    <section class="stack" aria-labelledby="class-title">
      <div class="title-row">
        <h1 id="class-title">{settings.name || t('class.title')}</h1>
        <a class="button" href={href({ name: 'setup' })}>{t('class.setup')}</a>
      </div>
      {active.length === 0 && <p class="card">{t('class.noStudents')}</p>}
      {needs.length > 0 && (
        <section aria-labelledby="needs-title" class="stack">
          <h2 id="needs-title">{t('class.needsToday')} <span class="count">({needs.length})</span></h2>
          <ul class="student-rows">{needs.map((a) => <StudentRow key={a.studentId} attention={a} row={byId.get(a.studentId)!} />)}</ul>
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="others-title" class="stack">
          <h2 id="others-title">{t('class.others')}</h2>
          <ul class="student-rows">{others.map((a) => <StudentRow key={a.studentId} attention={a} row={byId.get(a.studentId)!} />)}</ul>
        </section>
      )}
    </section>
  );
}

function StudentRow({ attention, row }: { attention: Attention; row: SummaryRow }) {
  const { t } = useI18n();
  const days = attention.daysSinceCheckIn;
  const last =
    days === null ? t('class.lastCheckIn_never') : days === 0 ? t('class.lastCheckIn_today') : t('class.lastCheckIn', { count: days });
  return (
    <li class={`student-row${attention.needsCheckIn ? ' student-row--needs' : ''}`}>
      <div class="student-row__main">
        <h3 class="student-row__name">
          <a href={href({ name: 'student', studentId: row.studentId })}>{row.displayName}</a>
        </h3>
        <p class="muted">{last}</p>
        {attention.reasons.length > 0 ? <ReasonList reasons={attention.reasons} /> : <p class="muted">{t('class.allGood')}</p>}
      </div>
      <a class="button button--primary" href={href({ name: 'checkin', studentId: row.studentId, checkinId: null })}
        aria-label={t('class.checkInWith', { name: row.displayName })}>
        {t('class.checkIn')}
      </a>
    </li>
  );
}
