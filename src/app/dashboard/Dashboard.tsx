import { useEffect, useMemo, useState } from 'preact/hooks';
import { classDocument, localDay } from '../../core';
import { readClassSummaries, type SummaryRow } from '../../local';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { useYDoc } from '../hooks/useYDoc';
import { href } from '../router';
import { useSession } from '../session/context';
import { dashboardModel, FILTERS, SORTS, type DashboardEntry, type DashboardFilter, type DashboardSort } from './dashboard-model';
import { DashboardRow } from './DashboardRow';
import { useTeacherI18n, type TeacherI18n } from './i18n';
import { preloadScreen } from '../shell/screens';
import './dashboard.css';

/** The rows last read, so coming back to the dashboard draws at once while the index is read again. */
let lastRead: { key: string; rows: SummaryRow[]; json: string } | null = null;

/** About a screenful on a laptop: these rows are drawn whole at once. */
const FIRST_SCREENFUL = 8;
/** Rows whose details are added per idle moment after that: short tasks, so a tap is never kept waiting. */
const DETAIL_BATCH = 8;

/** Keeps the previous rows (the same array) when the index has not changed: no second draw for nothing. */
function remember(key: string, read: SummaryRow[]): SummaryRow[] {
  const json = JSON.stringify(read);
  if (lastRead?.key === key && lastRead.json === json) return lastRead.rows;
  lastRead = { key, rows: read, json };
  return read;
}

/**
 * How many rows (in display order) are drawn with their details: the first screenful at once, then
 * a batch more each time the browser is idle after a painted frame, until all `total` are.
 */
function useDetailedRows(total: number): number {
  const [count, setCount] = useState(FIRST_SCREENFUL);
  useEffect(() => {
    if (count >= total) return;
    let frame = 0;
    let idle = 0;
    const more = () => setCount((c) => c + DETAIL_BATCH);
    // Two frames: the rows already drawn reach the screen before anything else is added.
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        idle = 'requestIdleCallback' in window ? requestIdleCallback(more, { timeout: 500 }) : setTimeout(more, 50) as unknown as number;
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      if ('cancelIdleCallback' in window) cancelIdleCallback(idle);
      clearTimeout(idle);
    };
  }, [count, total]);
  return count;
}

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
    async () => remember(key, profile && classId ? await readClassSummaries(profile.id, classId) : []),
    [profile?.id, classId],
    lastRead?.key === key ? lastRead.rows : null,
  );
  const [sort, setSort] = useState<DashboardSort>('need');
  const [filter, setFilter] = useState<DashboardFilter>('all');
  const detailed = useDetailedRows(rows?.length ?? 0);
  const cadenceDays = settings?.cadenceDays ?? null;
  const today = localDay();
  const model = useMemo(() => (rows && cadenceDays !== null ? dashboardModel(rows, cadenceDays, today, sort, filter) : null), [rows, cadenceDays, today, sort, filter]);
  // The next tap is most likely "Check in": have its screen ready when the teacher makes it.
  useEffect(() => preloadScreen('checkin'), []);
  if (!classId) return null;
  if (!settings || !model) return <p class="muted">{t('app.loading')}</p>;

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
      <Section id="needs" title={t('class.needsToday')} entries={model.needs} t={t} detailedUpTo={detailed} />
      <Section id="others" title={t('class.others')} entries={model.others} t={t} detailedUpTo={detailed - model.needs.length} />
      {model.total > 0 && model.needs.length + model.others.length === 0 && <p class="card muted">{t('dash.noneMatch')}</p>}
    </section>
  );
}

interface SectionProps {
  id: string;
  title: string;
  entries: DashboardEntry[];
  t: TeacherI18n['t'];
  /** Rows from this index on are drawn without their details (for now). */
  detailedUpTo: number;
}

function Section({ id, title, entries, t, detailedUpTo }: SectionProps) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-title`} class="stack">
      <h2 id={`${id}-title`}>{title} <span class="count">({entries.length})</span></h2>
      <ul class="student-rows">{entries.map((e, i) => <DashboardRow key={e.row.studentId} entry={e} t={t} detailed={i < detailedUpTo} />)}</ul>
    </section>
  );
}
