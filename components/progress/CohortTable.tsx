import { formatInterval } from "@/lib/domain/bands";
import { CURVE_STATISTICS, type CurvePoint, type ProgressExercise, type ProgressSettings, type TraineeCurves, formatAgainst, latestDefined, meets, formatCriterion } from "@/lib/domain/learningCurve";
import { bandText, driftText, reachedParts, reachedText } from "./progressText";

/**
 * The cohort at a glance: one row per trainee with a sparkline of the pooled curve, the latest pooled
 * score as a number people trust (name, value, CI, n, band), time to criterion and drift.
 */

const SPARK_W = 116;
const SPARK_H = 36;

function Sparkline({ points, n, criterion, label }: { points: readonly CurvePoint[]; n: number; criterion: number; label: string }) {
  const x = (p: number): number => 6 + ((p - 0.5) / Math.max(1, n)) * (SPARK_W - 12);
  const y = (v: number): number => 4 + (1 - Math.max(0, Math.min(1, v))) * (SPARK_H - 8);
  const defined = points.filter((p): p is CurvePoint & { value: number } => p.value !== null);
  return (
    <svg width={SPARK_W} height={SPARK_H} viewBox={`0 0 ${SPARK_W} ${SPARK_H}`} role="img" aria-label={label} className="learning-curve progress-spark">
      <title>{label}</title>
      <rect x={0} y={y(1)} width={SPARK_W} height={y(criterion) - y(1)} className="lc-zone" />
      <line x1={0} x2={SPARK_W} y1={y(criterion)} y2={y(criterion)} className="lc-criterion" />
      {defined.length > 1 && <path d={defined.map((p, i) => `${i ? "L" : "M"} ${x(p.position).toFixed(1)} ${y(p.value).toFixed(1)}`).join(" ")} className="lc-line spark-line" stroke="#3b4148" />}
      {defined.map((p) =>
        meets(p.value, criterion) ? (
          <circle key={p.position} cx={x(p.position)} cy={y(p.value)} r={3.2} fill="#3b4148" stroke="#1f2328" />
        ) : (
          <path key={p.position} d={`M ${x(p.position)} ${y(p.value) - 4} l 4 4 l -4 4 l -4 -4 Z`} fill="#ffffff" stroke="#3b4148" strokeWidth={1.8} />
        ),
      )}
    </svg>
  );
}

/**
 * `compact` (a large cohort): no sparkline per row and no link to a curve section — the cohort chart shows
 * the curves, and one trainee's curves load on demand — so 100 rows stay small.
 */
export function CohortTable({ rows, exercises, settings, own, compact = false }: { rows: readonly TraineeCurves[]; exercises: readonly ProgressExercise[]; settings: ProgressSettings; own: boolean; compact?: boolean }) {
  const info = CURVE_STATISTICS[settings.statistic];
  const ruleWords = settings.rule === "pooled" ? "pooled" : "every dimension";
  return (
    <div className="chart-scroll">
      <table className="progress-table" data-testid="progress-table">
        <caption className="sr-only">
          {own ? "Your progress" : "Each trainee's progress"} against the key: {info.name}, criterion {info.symbol} ≥ {formatCriterion(settings.criterion)} ({ruleWords}).
        </caption>
        <thead>
          <tr>
            <th scope="col">Trainee</th>
            {!compact && <th scope="col">Curve (pooled)</th>}
            <th scope="col">
              Latest pooled {info.symbol} <span className="muted">value · 95% CI · turns · band</span>
            </th>
            <th scope="col">
              Criterion {info.symbol} ≥ {formatCriterion(settings.criterion)} <span className="muted">({ruleWords})</span>
            </th>
            <th scope="col">Drift</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const latest = latestDefined(row.pooled);
            const drift = driftText(row.outcome);
            const first = row.pooled.find((p) => p.value !== null)?.position ?? null;
            const reached = reachedParts(row.outcome, exercises, first);
            const spark = `${row.trainee.name}: ${row.pooled
              .filter((p) => p.value !== null)
              .map((p) => `#${p.position} ${formatAgainst(p.value!, settings.criterion)}`)
              .join(", ") || "no scores yet"}`;
            return (
              <tr key={row.trainee.id} data-trainee={row.trainee.name} className={drift.flag ? "row-drift" : undefined}>
                <th scope="row">
                  {compact ? row.trainee.name : <a href={`#trainee-${row.trainee.id}`}>{row.trainee.name}</a>}
                  {(!compact || row.compared < row.assigned) && (
                    <span className="progress-latest-line small progress-detail" data-col="coded">
                      {row.compared} of {row.assigned} exercise{row.assigned === 1 ? "" : "s"} coded
                    </span>
                  )}
                </th>
                {!compact && (
                  <td>
                    <Sparkline points={row.pooled} n={exercises.length} criterion={settings.criterion} label={spark} />
                  </td>
                )}
                <td data-col="latest" data-value={latest?.value ?? ""} data-position={latest?.position ?? ""}>
                  {latest ? (
                    <>
                      <span className="progress-latest-line">
                        <strong className="progress-value">{formatAgainst(latest.value, settings.criterion)}</strong> {formatInterval(latest.ci)}
                      </span>
                      <span className="progress-latest-line small">
                        {bandText(latest.value, settings.statistic, settings.bands)} <span className="muted">· {latest.nUnits} turns · #{latest.position}</span>
                      </span>
                    </>
                  ) : (
                    <span className="muted">no score yet</span>
                  )}
                </td>
                <td data-col="criterion" className={row.outcome.status === "reached" ? "criterion-yes" : undefined} title={compact ? undefined : reachedText(row.outcome, exercises, first)}>
                  <span className="progress-latest-line">
                    {row.outcome.status === "reached" ? "✓ " : ""}
                    {reached.head}
                  </span>
                  {reached.detail && <span className="progress-latest-line small progress-detail">{reached.detail}</span>}
                </td>
                <td data-col="drift" className={drift.flag ? "progress-drift" : "muted"}>
                  {drift.flag ? <span title={drift.text}>⚠ {drift.short}</span> : drift.short}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
