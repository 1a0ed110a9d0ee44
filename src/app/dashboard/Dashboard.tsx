import { useState } from 'preact/hooks';
import { classDocument, localDay } from '../../core';
import { readClassSummaries } from '../../local/projection';
import type { SummaryRow } from '../../local/types';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useYDoc } from '../hooks/useYDoc';
import { href } from '../router';
import { useSession } from '../session/context';
import { dashboardModel, FILTERS, SORTS, type DashboardEntry, type DashboardFilter, type DashboardSort } from './dashboard-model';
import { DashboardRow } from './DashboardRow';
import { useTeacherI18n } from './i18n';
import './dashboard.css';

/** The rows last read, so coming back to the dashboard draws at once while the index is read again. */
let lastRead: { key: string; rows: SummaryRow[] } | null = null;

/**
 * The teacher's first screen: who needs a check-in today and why. It reads the device's query
 * index (one row per student, kept up to date by the projection), never every document.
 */
export function Dashboard() {
  const { t } = useTeacherI18n();
  const { profile, classId } = useSession();
  const { data: settings } = useYDoc(classId ? { kind: 'class', classId } : null, (doc) => classDocument(doc).settings.read());
  const key = `${profile?.id}:${classId}`;
  const rows = useLiveQuery<SummaryRow[] | null>(
    async () => {
      const read = profile && classId ? await readClassSummaries(profile.id, classId) : [];
      lastRead = { key, rows: read };
      return read;
    },
    [profile?.id, classId],
    lastRead?.key === key ? lastRead.rows : null,
  );
  const [sort, setSort] = useState<DashboardSort>('need');
  const [filter, setFilter] = useState<DashboardFilter>('all');
  if (!classId) return null;
  if (!settings || !rows) return <p class="muted">{t('app.loading')}</p>;
  const model = dashboardModel(rows, settings.cadenceDays, localDay(), sort, filter);

  return (
    <section class="stack dashboard" aria-labelledby="class-title">
      <div class="title-row">
        <div>
          <h1 id="class-title">{settings.name || t('class.title')}</h1>
          <p class="muted">{t('dash.summary', { count: model.total, needs: model.needsCount, cadence: settings.cadenceDays })}</p>
        </div>
        <div class="button-row">
          <a class="button" href="#/group-checkin">{t('dash.groupCheckIn')}</a>
          <a class="button" href="#/export">{t('dash.export')}</a>
          <a class="button" href={href({ name: 'setup' })}>{t('class.setup')}</a>
        </div>
      </div>
      {model.total === 0 ? (
        <p class="card">{t('class.noStudents')}</p>
      ) : (
        <div class="dashboard__controls card">
          <label class="field">
            <span>{t('dash.sort')}</span>
            <select value={sort} onChange={(e) => setSort(e.currentTarget.value as DashboardSort)}>
              {SORTS.map((s) => <option key={s} value={s}>{t(`dash.sort.${s}`)}</option>)}
            </select>
          </label>
          <fieldset class="segmented">
            <legend>{t('dash.show')}</legend>
            {FILTERS.map((f) => (
              <label key={f}>
                <input type="radio" name="dash-filter" checked={filter === f} onChange={() => setFilter(f)} /> {t(`dash.filter.${f}`)}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <p class="visually-hidden" role="status">{t('dash.shown', { count: model.needs.length + model.others.length })}</p>
      <Section id="needs" title={t('class.needsToday')} entries={model.needs} />
      <Section id="others" title={t('class.others')} entries={model.others} />
      {model.total > 0 && model.needs.length + model.others.length === 0 && <p class="card muted">{t('dash.noneMatch')}</p>}
    </section>
  );
}

function Section({ id, title, entries }: { id: string; title: string; entries: DashboardEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`} class="stack">
      <h2 id={`${id}-title`}>{title} <span class="count">({entries.length})</span></h2>
      <ul class="student-rows">{entries.map((e) => <DashboardRow key={e.row.studentId} entry={e} />)}</ul>
    </section>
  );
}
