import { DIMENSIONS, dimensionAbbreviation, dimensionColour, dimensionLabel } from "@/lib/domain/codebook";
import {
  CURVE_STATISTICS,
  type CriterionOutcome,
  type CurvePoint,
  type ProgressExercise,
  type ProgressSettings,
  type TraineeCurves as Curves,
  formatAgainst,
  formatCriterion,
  latestDefined,
  yDomain,
} from "@/lib/domain/learningCurve";
import { type CurveMark, LearningCurveChart } from "./LearningCurveChart";
import { driftText, readingText, reachedText } from "./progressText";

/**
 * One trainee: the pooled curve large, with CI whiskers, and the six dimensions as small multiples on the
 * same x axis, each with its own time to criterion.
 */

function marksFor(outcome: CriterionOutcome, what: string, short?: string): CurveMark[] {
  const marks: CurveMark[] = [];
  if (outcome.reachedAt !== null) marks.push({ kind: "reached", position: outcome.reachedAt, label: `${what}: criterion reached at #${outcome.reachedAt} and held since`, short });
  if (outcome.driftAt !== null) marks.push({ kind: "drift", position: outcome.driftAt, label: `${what}: drift — below the criterion at #${outcome.driftAt} after meeting it at #${outcome.firstMetAt}` });
  return marks;
}

function firstPosition(points: readonly CurvePoint[]): number | null {
  return points.find((p) => p.value !== null)?.position ?? null;
}

function describe(points: readonly CurvePoint[], name: string, criterion: number): string {
  const values = points.map((p) => `#${p.position} ${p.value === null ? (p.missing === "not_compared" ? "not coded" : "not defined") : formatAgainst(p.value, criterion)}`);
  return values.length === 0 ? `${name}: no exercises yet.` : `${name}: ${values.join(", ")}.`;
}

function smallStatus(outcome: CriterionOutcome): string {
  switch (outcome.status) {
    case "reached":
      return `✓ from #${outcome.reachedAt}`;
    case "drift":
      return `⚠ drift #${outcome.driftAt}`;
    case "not_yet":
      return "not yet";
    case "no_data":
      return "not used";
  }
}

export function TraineeCurves({ curves, exercises, settings, own }: { curves: Curves; exercises: readonly ProgressExercise[]; settings: ProgressSettings; own: boolean }) {
  const { trainee, pooled, outcome } = curves;
  const info = CURVE_STATISTICS[settings.statistic];
  const latest = latestDefined(pooled);
  const drift = driftText(outcome);
  const ruleWords = settings.rule === "pooled" ? "on all codes pooled" : "on every dimension";
  const slug = `t-${trainee.id}`;
  const heading = own ? "Your curve" : trainee.name;
  // One y range for all six, so the small multiples compare at a glance.
  const sharedRange = yDomain(DIMENSIONS.flatMap((d) => curves.dimensions[d].flatMap((p) => (p.value === null ? [] : [p.value, ...(p.ci ?? [])]))));

  return (
    <section className="progress-trainee" id={`trainee-${trainee.id}`} aria-labelledby={`${slug}-h`} data-testid="trainee-curves" data-trainee={trainee.name}>
      <header className="progress-trainee-head">
        <h2 id={`${slug}-h`}>{heading}</h2>
        <p className="progress-trainee-summary">
          <span>
            {curves.compared} of {curves.assigned} exercise{curves.assigned === 1 ? "" : "s"} coded
          </span>
          <span>
            Latest: {latest ? <strong>{readingText(latest, settings.statistic, settings.criterion, settings.bands)}</strong> : <span className="muted">no score yet</span>}
          </span>
          <span>
            Criterion {ruleWords}: <strong data-testid="reached">{reachedText(outcome, exercises, firstPosition(pooled))}</strong>
          </span>
          {drift.flag ? (
            <span className="progress-drift" data-testid="drift">
              ⚠ {drift.text}
            </span>
          ) : drift.text !== "—" ? (
            <span className="muted">{drift.text}</span>
          ) : null}
        </p>
      </header>
      <div className="progress-trainee-body">
        <figure className="progress-figure">
          <figcaption>All codes pooled — {info.name} with the key, with 95% CIs</figcaption>
          <LearningCurveChart
            id={`${slug}-pooled`}
            title={`${own ? "Your" : `${trainee.name}'s`} learning curve: ${info.name} with the key on all codes pooled`}
            description={`${describe(pooled, "Pooled", settings.criterion)} Criterion ${info.symbol} ≥ ${formatCriterion(settings.criterion)} ${ruleWords}: ${reachedText(outcome, exercises, firstPosition(pooled))}.${drift.flag ? ` ${drift.text}.` : ""}`}
            exercises={exercises}
            series={[{ id: "pooled", points: pooled, colour: "#3b4148", kind: "main" }]}
            statistic={settings.statistic}
            bands={settings.bands}
            criterion={settings.criterion}
            size="large"
            yTitle={`${info.name} with the key (pooled)`}
            marks={settings.rule === "pooled" ? marksFor(outcome, "All codes pooled") : marksFor(outcome, "Every dimension", "every dimension ▸")}
          />
        </figure>
        <figure className="progress-figure">
          <figcaption>Per dimension — same axes; the line at {formatCriterion(settings.criterion)} is the criterion</figcaption>
          <ul className="progress-multiples" aria-label="Per dimension">
            {DIMENSIONS.map((d) => {
              const o = curves.dimensionOutcomes[d];
              return (
                <li key={d} data-dimension={d}>
                  <p className="progress-multiple-head">
                    <span className="dim-chip" style={{ borderColor: dimensionColour(d), background: dimensionColour(d) }} aria-hidden="true" />
                    <strong className="progress-multiple-name" title={`${dimensionLabel(d)} (${dimensionAbbreviation(d)})`}>
                      {dimensionLabel(d)}
                    </strong>
                    <span className={`progress-multiple-status status-${o.status}`}>{smallStatus(o)}</span>
                  </p>
                  <LearningCurveChart
                    id={`${slug}-${d}`}
                    title={`${dimensionLabel(d)}: ${info.name} with the key`}
                    description={`${describe(curves.dimensions[d], dimensionLabel(d), settings.criterion)} ${smallStatus(o)}.`}
                    exercises={exercises}
                    series={[{ id: d, points: curves.dimensions[d], colour: dimensionColour(d), kind: "main" }]}
                    statistic={settings.statistic}
            bands={settings.bands}
                    criterion={settings.criterion}
                    size="small"
                    marks={marksFor(o, dimensionLabel(d))}
                    yRange={sharedRange}
                  />
                </li>
              );
            })}
          </ul>
        </figure>
      </div>
    </section>
  );
}
