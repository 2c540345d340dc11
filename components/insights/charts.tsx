import { scaleBand, scaleLinear } from "d3-scale";

/**
 * Server-rendered SVG charts: d3-scale does the scale and tick arithmetic, React writes the SVG, CSS colours it (so
 * it follows dark mode), and no script runs in the browser. Each chart has a title, a description and axis labels,
 * and the page puts the same figures in a table beside it.
 */

const W = 640;
const H = 260;
const M = { top: 12, right: 12, bottom: 52, left: 56 };

export interface Series { key: string; label: string; tone: string }

function Frame({ id, title, summary, children, legend }: { id: string; title: string; summary: string; children: React.ReactNode; legend?: Series[] }) {
  return (
    <figure className="chart" aria-labelledby={`${id}-cap`}>
      <div className="chart-scroll" tabIndex={0} role="group" aria-label={`${title} (scrolls sideways on a narrow screen)`}>
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} preserveAspectRatio="xMidYMid meet">
          <title id={`${id}-t`}>{title}</title>
          <desc id={`${id}-d`}>{summary} The table below gives the same figures.</desc>
          {children}
        </svg>
      </div>
      <figcaption id={`${id}-cap`}>
        <span>{title}</span>
        {legend && (
          <span className="chart-legend">
            {legend.map((s) => <span key={s.key}><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" className={`tone-${s.tone}`} /></svg> {s.label}</span>)}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/** Every k-th category is labelled, so a long run of months stays legible. */
const every = (n: number, room: number) => Math.max(1, Math.ceil(n / room));

function Axes({ x, y, categories, xLabel, yLabel, counts = false }: {
  x: ReturnType<typeof scaleBand<string>>; y: ReturnType<typeof scaleLinear<number, number>>; categories: string[]; xLabel: string; yLabel: string; counts?: boolean;
}) {
  const step = every(categories.length, 12);
  // Counts are whole numbers: no "0.5 incidents" on the axis.
  const ticks = y.ticks(5).filter((t) => !counts || Number.isInteger(t));
  return (
    <g className="axes">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="grid-line" />
          <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">{t.toLocaleString("en-US")}</text>
        </g>
      ))}
      {categories.map((c, i) => (i % step === 0 ? (
        <text key={c} x={(x(c) ?? 0) + x.bandwidth() / 2} y={H - M.bottom + 16} textAnchor="middle">{c}</text>
      ) : null))}
      <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="axis-line" />
      <text x={(M.left + W - M.right) / 2} y={H - 8} textAnchor="middle" className="axis-label">{xLabel}</text>
      <text transform={`translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-label">{yLabel}</text>
    </g>
  );
}

/** Bars per category, stacked by series (one series makes a plain bar chart). */
export function StackedBarChart({ id, title, summary, categories, series, value, xLabel, yLabel }: {
  id: string; title: string; summary: string; categories: string[]; series: Series[]; value: (category: string, series: string) => number; xLabel: string; yLabel: string;
}) {
  const x = scaleBand<string>().domain(categories).range([M.left, W - M.right]).padding(0.2);
  const max = Math.max(1, ...categories.map((c) => series.reduce((sum, s) => sum + value(c, s.key), 0)));
  const y = scaleLinear().domain([0, max]).nice().range([H - M.bottom, M.top]);
  return (
    <Frame id={id} title={title} summary={summary} legend={series.length > 1 ? series : undefined}>
      <Axes x={x} y={y} categories={categories} xLabel={xLabel} yLabel={yLabel} counts />
      {categories.map((c) => {
        let base = 0;
        return (
          <g key={c}>
            {series.map((s) => {
              const v = value(c, s.key);
              const top = base + v;
              const rect = v > 0 ? <rect key={s.key} x={x(c)} width={x.bandwidth()} y={y(top)} height={y(base) - y(top)} className={`tone-${s.tone}`}><title>{`${c}, ${s.label}: ${v}`}</title></rect> : null;
              base = top;
              return rect;
            })}
          </g>
        );
      })}
    </Frame>
  );
}

/** One line per series over the categories; a missing value breaks the line rather than pretending to be zero. */
export function LineChart({ id, title, summary, categories, series, xLabel, yLabel }: {
  id: string; title: string; summary: string; categories: string[]; series: (Series & { values: (number | null)[] })[]; xLabel: string; yLabel: string;
}) {
  const x = scaleBand<string>().domain(categories).range([M.left, W - M.right]).padding(0.2);
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  const y = scaleLinear().domain([0, max]).nice().range([H - M.bottom, M.top]);
  const cx = (c: string) => (x(c) ?? 0) + x.bandwidth() / 2;
  return (
    <Frame id={id} title={title} summary={summary} legend={series}>
      <Axes x={x} y={y} categories={categories} xLabel={xLabel} yLabel={yLabel} />
      {series.map((s) => {
        const runs: string[][] = [[]];
        s.values.forEach((v, i) => (v === null ? runs.push([]) : runs[runs.length - 1].push(`${cx(categories[i])},${y(v)}`)));
        return (
          <g key={s.key} className={`line tone-${s.tone}`}>
            {runs.filter((r) => r.length > 1).map((r, i) => <polyline key={i} points={r.join(" ")} />)}
            {s.values.map((v, i) => (v === null ? null : <circle key={i} cx={cx(categories[i])} cy={y(v)} r={3}><title>{`${categories[i]}, ${s.label}: ${v}`}</title></circle>))}
          </g>
        );
      })}
    </Frame>
  );
}

/** Horizontal bars, longest first, for comparing named things (components, services). */
export function HBarChart({ id, title, summary, items, xLabel, tone = "accent" }: {
  id: string; title: string; summary: string; items: { label: string; value: number }[]; xLabel: string; tone?: string;
}) {
  const shown = items.slice(0, 12);
  const height = Math.max(120, shown.length * 24 + 60);
  const left = 170;
  const y = scaleBand<string>().domain(shown.map((i) => i.label)).range([10, height - 40]).padding(0.2);
  const x = scaleLinear().domain([0, Math.max(1, ...shown.map((i) => i.value))]).nice().range([left, W - M.right - 16]);
  return (
    <figure className="chart" aria-labelledby={`${id}-cap`}>
      <div className="chart-scroll" tabIndex={0} role="group" aria-label={`${title} (scrolls sideways on a narrow screen)`}>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{summary} The table below gives the same figures.</desc>
        <g className="axes">
          {x.ticks(5).map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={10} y2={height - 40} className="grid-line" />
              <text x={x(t)} y={height - 26} textAnchor="middle">{t.toLocaleString("en-US")}</text>
            </g>
          ))}
          <text x={(left + W - M.right) / 2} y={height - 6} textAnchor="middle" className="axis-label">{xLabel}</text>
        </g>
        {shown.map((i) => (
          <g key={i.label}>
            <text x={left - 6} y={(y(i.label) ?? 0) + y.bandwidth() / 2} dy="0.32em" textAnchor="end" className="bar-label">{i.label.length > 20 ? `${i.label.slice(0, 19)}…` : i.label}</text>
            <rect x={left} y={y(i.label)} height={y.bandwidth()} width={Math.max(0, x(i.value) - left)} className={`tone-${tone}`}><title>{`${i.label}: ${i.value}`}</title></rect>
          </g>
        ))}
      </svg>
      </div>
      <figcaption id={`${id}-cap`}>{title}{items.length > shown.length ? ` (the first ${shown.length} of ${items.length}; the table has them all)` : ""}</figcaption>
    </figure>
  );
}
