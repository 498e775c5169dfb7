import Link from "next/link";
import { bandScheme } from "@/lib/domain/bands";
import { type HeadlineSetting, differentStatisticNote } from "@/lib/domain/headline";
import { CURVE_STATISTICS, type CohortProgress, type CurvePoint, type ProgressSettings, medianSeries, traineeCurves, formatCriterion } from "@/lib/domain/learningCurve";
import { CohortTable } from "./CohortTable";
import { LearningCurveChart, Marker } from "./LearningCurveChart";
import { ProgressControls } from "./ProgressControls";
import { TraineeCurves } from "./TraineeCurves";
import { TraineeDetailLoader } from "./TraineeDetailLoader";
import { formatDay } from "./progressText";

/**
 * /cohorts/:id/progress — learning curves against the gold key. Staff see the cohort; a trainee sees only
 * their own curve (the query never loads anyone else's rows).
 */

export interface ProgressViewProps {
  cohortId: string;
  cohortName: string;
  data: CohortProgress;
  settings: ProgressSettings;
  /** Staff may set up exercises: the empty state links to the form. */
  canCreateExercise: boolean;
  /** The cohort's headline statistic: the default, and named when the page shows another. */
  headline: HeadlineSetting;
}

/**
 * Up to this many trainees the page draws every trainee's curves (seven charts each); a larger cohort gets
 * the table and the cohort chart, and one trainee's curves on demand (issue 8 item 4: ≤ 300 KB at 100).
 */
const CURVES_ON_PAGE = 12;

/** What each coefficient counts, in the page's lead sentence. */
const STATISTIC_MEANING: Readonly<Record<ProgressSettings["statistic"], string>> = {
  alpha: " (near misses — same dimension, other pole — count as partial agreement; turns one of the two did not look at are left out)",
  kappa: " (exact agreement on the codes of each turn, corrected for chance)",
  ac1: " (exact agreement on the codes of each turn, corrected for chance in Gwet's way, which stays stable when one code is rare)",
  po: " (the share of turns where the trainee and the key gave the same codes — not corrected for chance)",
};

function ExcludedNote({ excluded }: { excluded: CohortProgress["excluded"] }) {
  const items: string[] = [];
  if (excluded.stillCoding > 0)
    items.push(`${excluded.stillCoding} blind exercise${excluded.stillCoding === 1 ? " with a key is" : "s with a key are"} still being coded — ${excluded.stillCoding === 1 ? "it joins" : "they join"} the curves after the reveal.`);
  if (excluded.openMode > 0)
    items.push(`${excluded.openMode} open exercise${excluded.openMode === 1 ? "" : "s"} with a key ${excluded.openMode === 1 ? "is" : "are"} not counted: in open mode the coders see the key's codes as they work, so agreement is not independent.`);
  if (excluded.noKeyData > 0)
    items.push(`${excluded.noKeyData} revealed exercise${excluded.noKeyData === 1 ? " has" : "s have"} no score against the key yet (the key coder coded no turn, or agreement was never computed).`);
  if (items.length === 0) return null;
  return (
    <ul className="progress-excluded" data-testid="progress-excluded">
      {items.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}

function MarkerLegend({ settings }: { settings: ProgressSettings }) {
  const symbol = CURVE_STATISTICS[settings.statistic].symbol;
  const c = formatCriterion(settings.criterion);
  const swatch = (met: boolean) => (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
      <Marker x={9} y={9} met={met} size={5.5} colour="#3b4148" kind="main" />
    </svg>
  );
  return (
    <ul className="progress-legend" aria-label="How to read the charts">
      <li>
        {swatch(true)} at or above the criterion ({symbol} ≥ {c})
      </li>
      <li>
        {swatch(false)} below it
      </li>
      <li>
        <svg width="26" height="18" aria-hidden="true">
          <line x1="1" x2="25" y1="9" y2="9" className="lc-criterion" />
        </svg>
        criterion
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true">
          <line x1="9" x2="9" y1="2" y2="16" stroke="#1f2328" strokeWidth="2" />
          <line x1="5" x2="13" y1="2" y2="2" stroke="#1f2328" strokeWidth="2" />
          <line x1="5" x2="13" y1="16" y2="16" stroke="#1f2328" strokeWidth="2" />
        </svg>
        95% CI
      </li>
      <li>
        <span className="legend-reached" aria-hidden="true" /> reached: held from here on
      </li>
      <li>⚠ drift</li>
      <li>
        <span className="mono">—</span> did not code · <span className="mono">n/d</span> not defined
      </li>
    </ul>
  );
}

function ExercisesList({ data, settings, headline }: { data: CohortProgress; settings: ProgressSettings; headline: HeadlineSetting }) {
  return (
    <section className="progress-section" aria-labelledby="exercises-h">
      <h2 id="exercises-h">Exercises on the curve{data.scope === "self" ? "" : "s"}</h2>
      <ol className="progress-exercises">
        {data.exercises.map((e) => (
          <li key={e.id} value={e.position}>
            <Link href={`/exercises/${e.id}/agreement${settings.statistic !== headline.statistic ? `?stat=${settings.statistic}` : ""}`}>{e.title}</Link>{" "}
            <span className="muted">
              set {formatDay(e.setAt)}
              {e.revealedAt ? ` · revealed ${formatDay(e.revealedAt)}` : ""} · {e.state} · key: {e.keyCoderName} · {e.nTurns} turns
            </span>
          </li>
        ))}
      </ol>
      {data.scope === "self" && <ExcludedNote excluded={data.excluded} />}
    </section>
  );
}

function EmptyState({ canCreateExercise, excluded }: { canCreateExercise: boolean; excluded: CohortProgress["excluded"] }) {
  return (
    <section className="progress-empty card" data-testid="progress-empty">
      <h2>No keyed exercises yet — create a blind exercise with a key coder, then reveal it</h2>
      <p>Learning curves show each trainee&apos;s agreement with a key: an expert&apos;s coding of the same transcript. A point appears here for every exercise that is</p>
      <ol>
        <li>
          <strong>blind</strong>, so every trainee codes without seeing anyone else&apos;s codes;
        </li>
        <li>
          given a <strong>key coder</strong> (an instructor or supervisor who codes it too);
        </li>
        <li>
          <strong>revealed</strong> (or closed) once everyone has coded.
        </li>
      </ol>
      {canCreateExercise ? (
        <p>
          <Link href="/exercises/new" className="btn btn-primary">
            Set up a blind exercise with a key
          </Link>
        </p>
      ) : (
        <p className="muted">Your instructor sets these exercises up; your curve starts with the first one that is revealed.</p>
      )}
      <ExcludedNote excluded={excluded} />
    </section>
  );
}

export function ProgressView({ cohortId, cohortName, data, settings, canCreateExercise, headline }: ProgressViewProps) {
  const own = data.scope === "self";
  const info = CURVE_STATISTICS[settings.statistic];
  const statisticNote = differentStatisticNote(headline, { statistic: settings.statistic, bands: settings.bands }, "because this page's address asks for it");
  const basePath = `/cohorts/${cohortId}/progress`;
  const rows = data.trainees.map((t) => traineeCurves(data.exercises, t, settings));
  const withScores = rows.filter((r) => r.pooled.some((p) => p.value !== null));
  const reached = rows.filter((r) => r.outcome.status === "reached").length;
  const drifting = rows.filter((r) => r.outcome.status === "drift").length;
  const median = medianSeries(withScores.map((r) => r.pooled));
  const medianPoints: CurvePoint[] = median.map((m) => ({
    position: m.position,
    exerciseId: data.exercises.find((e) => e.position === m.position)?.id ?? "",
    value: m.value,
    ci: null,
    nUnits: m.n,
    warnings: [],
  }));

  return (
    <main className="progress-page">
      <header className="progress-head">
        <h1>{own ? `Your learning curve — ${cohortName}` : `Learning curves — ${cohortName}`}</h1>
        <p className="progress-lead">
          {own ? "Your" : "Each trainee's"} agreement with the key coder on every revealed blind exercise that has a key, in the order the exercises were set. {info.name}
          {STATISTIC_MEANING[settings.statistic]}.
        </p>
        {statisticNote && (
          <p className="small alert alert-info" role="note" data-testid="statistic-note">
            {statisticNote}
          </p>
        )}
        {data.exercises.length > 0 && (
          <>
            <ProgressControls basePath={basePath} settings={settings} headline={headline} />
            <p className="progress-definitions small">
              <strong>Time to criterion</strong>: the first exercise from which every later one stays at or above {info.symbol} {formatCriterion(settings.criterion)}.{" "}
              <strong>Drift</strong>: met the criterion before, below it on the latest exercise. {info.chanceCorrected ? `Bands: ${bandScheme(settings.bands).name}.` : "Percent agreement is not corrected for chance, so no bands."}
            </p>
          </>
        )}
      </header>

      {data.exercises.length === 0 ? (
        <EmptyState canCreateExercise={canCreateExercise} excluded={data.excluded} />
      ) : rows.length === 0 ? (
        <section className="progress-empty card" data-testid="progress-empty">
          <h2>No trainees in this cohort yet</h2>
          <p>Add trainees on the cohort&apos;s members page; their curves start with the first keyed exercise they code.</p>
        </section>
      ) : own ? (
        <>
          <MarkerLegend settings={settings} />
          {rows.map((row) => (
            <TraineeCurves key={row.trainee.id} curves={row} exercises={data.exercises} settings={settings} own />
          ))}
          <ExercisesList data={data} settings={settings} headline={headline} />
        </>
      ) : (
        <>
          <section className="progress-section" aria-labelledby="overview-h">
            <div className="progress-section-head">
              <h2 id="overview-h">{own ? "Your progress" : "Cohort overview"}</h2>
              {!own && (
                <p className="progress-count" data-testid="progress-count">
                  <strong>{reached}</strong> of {rows.length} trainee{rows.length === 1 ? "" : "s"} at criterion
                  {drifting > 0 && (
                    <>
                      {" "}
                      · <strong className="progress-drift">⚠ {drifting} drifting</strong>
                    </>
                  )}
                </p>
              )}
            </div>
            <MarkerLegend settings={settings} />
            <CohortTable rows={rows} exercises={data.exercises} settings={settings} own={own} compact={rows.length > CURVES_ON_PAGE} />
            <ExcludedNote excluded={data.excluded} />
          </section>

          {!own && withScores.length >= 2 && (
            <section className="progress-section" aria-labelledby="cohort-h">
              <h2 id="cohort-h">The cohort together</h2>
              <figure className="progress-figure progress-cohort-figure">
                <figcaption>Pooled {info.symbol} of each trainee (thin grey lines) and the cohort&apos;s median (black squares)</figcaption>
                <LearningCurveChart
                  id="cohort"
                  title={`Cohort learning curves: ${info.name} with the key, pooled`}
                  description={`Median per exercise: ${median.map((m) => `#${m.position} ${m.value.toFixed(2)} (${m.n} trainees)`).join(", ")}. ${reached} of ${rows.length} trainees at criterion.`}
                  exercises={data.exercises}
                  series={[
                    ...withScores.map((r) => ({ id: r.trainee.id, who: r.trainee.name, points: r.pooled, colour: "#8c959f", kind: "thin" as const })),
                    { id: "median", who: "Cohort median", points: medianPoints, colour: "#1f2328", kind: "median" as const },
                  ]}
                  statistic={settings.statistic}
                  bands={settings.bands}
                  lean={rows.length > CURVES_ON_PAGE}
                  criterion={settings.criterion}
                  size="large"
                  yTitle={`${info.name} with the key (pooled)`}
                />
              </figure>
            </section>
          )}

          <ExercisesList data={data} settings={settings} headline={headline} />

          {rows.length > CURVES_ON_PAGE ? (
            <TraineeDetailLoader cohortId={cohortId} trainees={rows.map((r) => ({ id: r.trainee.id, name: r.trainee.name }))} settings={settings} />
          ) : (
            rows.map((row) => <TraineeCurves key={row.trainee.id} curves={row} exercises={data.exercises} settings={settings} own={false} />)
          )}
        </>
      )}
    </main>
  );
}
