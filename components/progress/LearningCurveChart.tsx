import { CURVE_STATISTICS, type CurvePoint, type CurveStatistic, type ProgressExercise, meets, yDomain, formatCriterion } from "@/lib/domain/learningCurve";
import { pointTitle, shortDay } from "./progressText";

/**
 * A learning curve: exercises in the order they were set along x, agreement with the key along y, the
 * course's criterion as a dashed line over a shaded "at criterion" zone, CI whiskers, and markers whose
 * SHAPE says whether the exercise met the criterion (filled circle) or not (hollow diamond) — readable in
 * greyscale and on a washed-out projector. Every point has a <title> tooltip with the full reading.
 */

export interface CurveSeries {
  id: string;
  /** Who the points belong to, in tooltips (cohort overlay). */
  who?: string;
  points: CurvePoint[];
  colour: string;
  /** "main": thick line, CI whiskers, full-size markers. "thin": cohort overlay. "median": the cohort's median. */
  kind: "main" | "thin" | "median";
}

export interface CurveMark {
  /** "reached": a vertical line where the trainee reached the criterion; "drift": a ⚠ over the point. */
  kind: "reached" | "drift";
  position: number;
  /** The tooltip. */
  label: string;
  /** Written on a large chart next to the mark; default "reached ▸". */
  short?: string;
}

export interface LearningCurveChartProps {
  id: string;
  title: string;
  /** The plain-language summary screen readers get instead of the drawing. */
  description: string;
  exercises: readonly ProgressExercise[];
  series: readonly CurveSeries[];
  statistic: CurveStatistic;
  /** Band scheme id named in the points' titles. */
  bands: string;
  /** Many thin lines (a large cohort): lines only, no marker or tooltip per point, so the page stays small. */
  lean?: boolean;
  criterion: number;
  size: "large" | "small";
  /** y-axis title (large charts). */
  yTitle?: string;
  marks?: readonly CurveMark[];
  /** A y range shared with sibling charts (small multiples); default: fitted to this chart's values. */
  yRange?: readonly [number, number];
}

const SIZES = {
  large: { width: 640, height: 330, left: 58, right: 78, top: 22, bottom: 64, marker: 6.5, font: "lc-large" },
  small: { width: 220, height: 150, left: 34, right: 8, top: 10, bottom: 24, marker: 4.5, font: "lc-small" },
} as const;

export function Marker({ x, y, met, size, colour, kind }: { x: number; y: number; met: boolean; size: number; colour: string; kind: CurveSeries["kind"] }) {
  if (kind === "median") {
    return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} fill="#1f2328" stroke="#ffffff" strokeWidth={1.5} />;
  }
  if (met) return <circle cx={x} cy={y} r={size} fill={colour} stroke="#1f2328" strokeWidth={kind === "thin" ? 1 : 1.5} />;
  const d = size * 1.25;
  return <path d={`M ${x} ${y - d} L ${x + d} ${y} L ${x} ${y + d} L ${x - d} ${y} Z`} fill="#ffffff" stroke={colour === "#ffffff" ? "#1f2328" : colour} strokeWidth={kind === "thin" ? 1.5 : 2.5} />;
}

function formatTick(t: number): string {
  if (Math.abs(t) < 1e-9) return "0";
  if (t === 1) return "1";
  const text = Math.abs(t).toFixed(1).replace(/^0/, "");
  return t < 0 ? `−${text}` : text;
}

export function LearningCurveChart({ id, title, description, exercises, series, statistic, bands, criterion, lean = false, size, yTitle, marks = [], yRange }: LearningCurveChartProps) {
  const s = SIZES[size];
  const n = Math.max(1, exercises.length);
  const plotW = s.width - s.left - s.right;
  const plotH = s.height - s.top - s.bottom;
  const values = series.flatMap((ser) => ser.points.flatMap((p) => (p.value === null ? [] : [p.value, ...(ser.kind === "main" && p.ci ? p.ci : [])])));
  const [lo, hi] = yRange ?? yDomain([...values, criterion]);
  const x = (position: number): number => s.left + ((position - 0.5) / n) * plotW;
  const y = (v: number): number => s.top + (1 - (Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * plotH;
  const ticks: number[] = [];
  const step = size === "large" ? 0.2 : 0.5;
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + 1e-9; i++) ticks.push(Math.round(i * step * 10) / 10);
  // Label every k-th exercise when there are many, always the first and the last.
  const every = Math.max(1, Math.ceil(n / (size === "large" ? 12 : 6)));
  const labelled = (p: number): boolean => p === 1 || p === n || (p - 1) % every === 0;
  const byPosition = new Map(exercises.map((e) => [e.position, e]));
  const symbol = CURVE_STATISTICS[statistic].symbol;

  return (
    <svg
      className={`learning-curve ${s.font}`}
      viewBox={`0 0 ${s.width} ${s.height}`}
      width="100%"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      data-testid={`curve-${id}`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {/* The zone at or above the criterion, lightly shaded; the criterion itself a dashed line. */}
      <rect x={s.left} y={y(hi)} width={plotW} height={y(criterion) - y(hi)} className="lc-zone" />
      {ticks.map((t) => (
        <g key={t}>
          <line x1={s.left} x2={s.left + plotW} y1={y(t)} y2={y(t)} className={t === 0 ? "lc-zero" : "lc-grid"} />
          <text x={s.left - 6} y={y(t) + 4} textAnchor="end" className="lc-tick">
            {formatTick(t)}
          </text>
        </g>
      ))}
      <line x1={s.left} x2={s.left + plotW} y1={y(criterion)} y2={y(criterion)} className="lc-criterion" data-testid={`criterion-${id}`}>
        <title>{`Criterion: ${symbol} ≥ ${formatCriterion(criterion)}`}</title>
      </line>
      {/* Labelled in the right margin, where no point or whisker can sit on it. */}
      {size === "large" && (
        <text x={s.left + plotW + 6} y={y(criterion) - 3} className="lc-criterion-label">
          <tspan x={s.left + plotW + 6}>criterion</tspan>
          <tspan x={s.left + plotW + 6} dy="16">
            {symbol} ≥ {formatCriterion(criterion)}
          </tspan>
        </text>
      )}
      {/* x axis: one slot per exercise */}
      <line x1={s.left} x2={s.left + plotW} y1={s.top + plotH} y2={s.top + plotH} className="lc-axis" />
      <line x1={s.left} x2={s.left} y1={s.top} y2={s.top + plotH} className="lc-axis" />
      {exercises.map((e) =>
        labelled(e.position) ? (
          <g key={e.id}>
            <title>{`#${e.position} ${e.title} — set ${shortDay(e.setAt)}`}</title>
            <text x={x(e.position)} y={s.top + plotH + (size === "large" ? 18 : 14)} textAnchor="middle" className="lc-tick lc-x">
              #{e.position}
            </text>
            {size === "large" && (
              <text x={x(e.position)} y={s.top + plotH + 34} textAnchor="middle" className="lc-tick lc-date">
                {shortDay(e.setAt)}
              </text>
            )}
          </g>
        ) : null,
      )}
      {size === "large" && (
        <>
          <text x={s.left + plotW / 2} y={s.height - 6} textAnchor="middle" className="lc-axis-title">
            Exercises in the order they were set (# and date set)
          </text>
          <text transform={`translate(14 ${s.top + plotH / 2}) rotate(-90)`} textAnchor="middle" className="lc-axis-title">
            {yTitle ?? `${CURVE_STATISTICS[statistic].name} with the key`}
          </text>
        </>
      )}
      {marks
        .filter((m) => m.kind === "reached")
        .map((m) => (
          <g key={`reached-${m.position}`} className="lc-reached" data-testid={`reached-${id}`}>
            <title>{m.label}</title>
            <line x1={x(m.position) - plotW / n / 2} x2={x(m.position) - plotW / n / 2} y1={s.top} y2={s.top + plotH} />
            {size === "large" && (
              // At the foot of the plot: a trainee who reached the criterion has no points down there.
              <text x={x(m.position) - plotW / n / 2 + 4} y={s.top + plotH - 8} className="lc-mark-label">
                {m.short ?? "reached ▸"}
              </text>
            )}
          </g>
        ))}
      {series.map((ser) => {
        const defined = ser.points.filter((p): p is CurvePoint & { value: number } => p.value !== null);
        const path = defined.map((p, i) => `${i === 0 ? "M" : "L"} ${x(p.position).toFixed(1)} ${y(p.value).toFixed(1)}`).join(" ");
        const lineClass = ser.kind === "main" ? "lc-line" : ser.kind === "median" ? "lc-median" : "lc-thin";
        const markerSize = ser.kind === "thin" ? s.marker * 0.7 : s.marker;
        return (
          <g key={ser.id} data-series={ser.id}>
            {defined.length > 1 && <path d={path} className={lineClass} stroke={ser.kind === "median" ? "#1f2328" : ser.colour} />}
            {ser.kind === "main" &&
              defined.map((p) =>
                p.ci ? (
                  <g key={`ci-${p.position}`} className={`lc-ci lc-ci-${size}`} aria-hidden="true">
                    <line x1={x(p.position)} x2={x(p.position)} y1={y(p.ci[0])} y2={y(p.ci[1])} />
                    <line x1={x(p.position) - 5} x2={x(p.position) + 5} y1={y(p.ci[0])} y2={y(p.ci[0])} />
                    <line x1={x(p.position) - 5} x2={x(p.position) + 5} y1={y(p.ci[1])} y2={y(p.ci[1])} />
                  </g>
                ) : null,
              )}
            {!(lean && ser.kind === "thin") && ser.points.map((p) => {
              const exercise = byPosition.get(p.position);
              const tip = pointTitle(p, exercise, statistic, criterion, bands, ser.who);
              if (p.value === null) {
                if (ser.kind !== "main") return null;
                return (
                  <g key={p.position} className="lc-missing" data-point={p.position} data-missing={p.missing}>
                    <title>{tip}</title>
                    <text x={x(p.position)} y={s.top + plotH - 5} textAnchor="middle">
                      {p.missing === "not_compared" ? "—" : "n/d"}
                    </text>
                  </g>
                );
              }
              const met = meets(p.value, criterion);
              return (
                <g key={p.position} data-point={p.position} data-met={met ? "yes" : "no"} className="lc-point">
                  <title>{tip}</title>
                  <Marker x={x(p.position)} y={y(p.value)} met={met} size={markerSize} colour={ser.colour} kind={ser.kind} />
                </g>
              );
            })}
          </g>
        );
      })}
      {/* Small multiples say "⚠ drift" in their heading; a glyph there would sit on the whiskers. */}
      {marks
        .filter((m) => m.kind === "drift" && size === "large")
        .map((m) => {
          const main = series.find((ser) => ser.kind === "main");
          const point = main?.points.find((p) => p.position === m.position && p.value !== null);
          if (!point || point.value === null) return null;
          const py = y(point.value);
          const above = py - s.top > 28;
          return (
            <g key={`drift-${m.position}`} className="lc-drift" data-testid={`drift-${id}`}>
              <title>{m.label}</title>
              <text x={x(m.position)} y={above ? py - 14 : py + 26} textAnchor="middle">
                ⚠ drift
              </text>
            </g>
          );
        })}
    </svg>
  );
}
