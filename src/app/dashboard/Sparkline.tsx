/**
 * Engagement (1-4) of the last check-ins as a tiny line, oldest on the left. The picture is
 * decorative for screen readers: the same numbers are given in words by `label`.
 */
export function Sparkline({ values, label, width = 84, height = 28 }: { values: readonly number[]; label: string; width?: number; height?: number }) {
  if (values.length === 0) return <span class="sparkline sparkline--empty muted">{label}</span>;
  const pad = 3;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) => pad + ((4 - v) / 3) * (height - 2 * pad);
  const points = values.map((v, i) => `${(pad + i * step).toFixed(1)},${y(v).toFixed(1)}`);
  const last = values.length - 1;
  return (
    <span class="sparkline">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        <line x1={pad} x2={width - pad} y1={y(2.5)} y2={y(2.5)} class="sparkline__mid" />
        <polyline points={points.join(' ')} class="sparkline__line" />
        <circle cx={pad + last * step} cy={y(values[last]!)} r={3} class="sparkline__dot" />
      </svg>
      <span class="visually-hidden">{label}</span>
    </span>
  );
}
