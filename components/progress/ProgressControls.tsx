import Link from "next/link";
import type { HeadlineSetting } from "@/lib/domain/headline";
import { CURVE_STATISTICS, CURVE_STATISTIC_IDS, type ProgressSettings, progressQuery, formatCriterion } from "@/lib/domain/learningCurve";

/**
 * The page's settings live in the URL (?stat=alpha&criterion=0.80&rule=dimensions) so a view can be shared
 * or bookmarked and works without JavaScript: the statistic and the rule are links, the criterion a small
 * GET form.
 */
export function ProgressControls({ basePath, settings, headline }: { basePath: string; settings: ProgressSettings; headline: HeadlineSetting }) {
  const rules = [
    { id: "pooled", label: "All codes pooled" },
    { id: "dimensions", label: "Every dimension" },
  ] as const;
  return (
    <div className="progress-controls">
      <div className="progress-control" role="group" aria-labelledby="stat-label">
        <span id="stat-label" className="progress-control-label">
          Statistic
        </span>
        <span className="progress-segmented">
          {CURVE_STATISTIC_IDS.map((id) => (
            <Link key={id} href={`${basePath}${progressQuery(settings, { statistic: id }, headline)}`} aria-current={settings.statistic === id ? "true" : undefined} scroll={false}>
              {CURVE_STATISTICS[id].name}
              {id === headline.statistic ? " (headline)" : ""}
            </Link>
          ))}
        </span>
      </div>
      <form className="progress-control" method="get" action={basePath}>
        {settings.statistic !== headline.statistic && <input type="hidden" name="stat" value={settings.statistic} />}
        {settings.bands !== headline.bands && <input type="hidden" name="bands" value={settings.bands} />}
        {settings.rule !== "pooled" && <input type="hidden" name="rule" value={settings.rule} />}
        <label htmlFor="criterion" className="progress-control-label">
          Criterion {CURVE_STATISTICS[settings.statistic].symbol} ≥
        </label>
        <input id="criterion" name="criterion" type="number" min={0.05} max={1} step="any" defaultValue={formatCriterion(settings.criterion)} className="progress-criterion-input" />
        <button type="submit" className="btn btn-small">
          Apply
        </button>
      </form>
      <div className="progress-control" role="group" aria-labelledby="rule-label">
        <span id="rule-label" className="progress-control-label">
          Criterion applies to
        </span>
        <span className="progress-segmented">
          {rules.map((r) => (
            <Link key={r.id} href={`${basePath}${progressQuery(settings, { rule: r.id }, headline)}`} aria-current={settings.rule === r.id ? "true" : undefined} scroll={false}>
              {r.label}
            </Link>
          ))}
        </span>
      </div>
    </div>
  );
}
