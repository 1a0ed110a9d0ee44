import { dayNumber, localDay, type ProgressUpdate } from '../../core';
import { useTeacherI18n } from '../dashboard/i18n';

const W = 320;
const H = 90;
const PAD = { left: 28, right: 8, top: 8, bottom: 16 };

/**
 * A goal's progress over time: the steps the student (or teacher) recorded, against the dashed
 * straight line a steady pace from start to target date would follow. Screen readers get the
 * same in one sentence; the full list of updates is in the goal card's history.
 */
export function ProgressChart({ startDate, targetDate, history }: { startDate: string; targetDate: string; history: readonly ProgressUpdate[] }) {
  const { t, formatDate } = useTeacherI18n();
  const day = (at: number) => dayNumber(localDay(at));
  const first = dayNumber(startDate);
  const last = Math.max(dayNumber(targetDate), ...history.map((u) => day(u.at)), first + 1);
  const x = (d: number) => PAD.left + ((d - first) / (last - first)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / 100) * (H - PAD.top - PAD.bottom);
  let points = `${x(first).toFixed(1)},${y(0).toFixed(1)}`;
  let value = 0;
  for (const u of history) {
    const ux = x(Math.max(first, day(u.at))).toFixed(1);
    points += ` ${ux},${y(value).toFixed(1)} ${ux},${y(u.value).toFixed(1)}`;
    value = u.value;
  }
  const end = history.at(-1);
  const label = end
    ? t('sv.chartLabel', { count: history.length, value: Math.round(end.value), date: formatDate(localDay(end.at)), start: formatDate(startDate), target: formatDate(targetDate) })
    : t('sv.chartEmpty', { start: formatDate(startDate), target: formatDate(targetDate) });
  return (
    <svg class="progress-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="none">
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} class="progress-chart__grid" />
          <text x={PAD.left - 4} y={y(v) + 4} class="progress-chart__axis" text-anchor="end">{v}%</text>
        </g>
      ))}
      <line x1={x(first)} y1={y(0)} x2={x(dayNumber(targetDate))} y2={y(100)} class="progress-chart__pace" />
      <polyline points={points} class="progress-chart__line" />
      {end && <circle cx={x(day(end.at))} cy={y(end.value)} r={3.5} class="progress-chart__dot" />}
      <text x={PAD.left} y={H - 3} class="progress-chart__axis">{formatDate(startDate)}</text>
      <text x={W - PAD.right} y={H - 3} class="progress-chart__axis" text-anchor="end">{formatDate(targetDate)}</text>
    </svg>
  );
}
