"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { bandScheme, formatCoefficient } from "@/lib/domain/bands";
import { BAND_SCHEME_CHOICES, type HeadlineSetting, differentStatisticNote, exerciseHeadline, headlineSettingText } from "@/lib/domain/headline";
import { type AgreementData, type DimensionStyle, type UnitData } from "./agreementData";
import { PoleDefs } from "./chartParts";
import { CohortAgreement } from "./CohortAgreement";
import { COHORT_VIEW_MIN_CODERS, type CohortModel, buildCohortModel } from "./cohortModel";
import { computationNotes } from "./computationNotes";
import { ConfusionMatrix } from "./ConfusionMatrix";
import { classDetailSchema, unitsDetailSchema } from "./detailSchema";
import { DimensionBars } from "./DimensionBars";
import { ExportMenu } from "./ExportMenu";
import { KeyTable } from "./KeyTable";
import { PairHeatmap } from "./PairHeatmap";
import { ProcessTimeline } from "./ProcessTimeline";
import { STATISTICS, STATISTIC_IDS, type StatisticId } from "./statistics";
import { type AgreementRun, useAgreementRun } from "./useAgreementRun";

export interface AgreementDashboardProps {
  exercise: { id: string; title: string; mode: "blind" | "open"; state: "coding" | "revealed" | "closed" };
  initial: AgreementData | null;
  unit: UnitData | null;
  /** A class (cohortModel): the compact model the page sends instead of every pair; null for a small group. */
  cohort: CohortModel | null;
  styles: DimensionStyle[];
  settings: { statistic: StatisticId; scheme: string; poles: boolean };
  /** The cohort's headline statistic and bands: the view opens on them, and says so when it shows others. */
  headline: HeadlineSetting;
}

/**
 * The agreement page: numbers people trust and plots people would rather look at (UX), for a supervisor
 * at a desk or an instructor on a projector. Reads the stored run from the API every few seconds while
 * the exercise is coded; the unit data (timeline, confusion) comes from the server page, refreshed when
 * a new run arrives.
 */
export function AgreementDashboard({ exercise, initial, unit, cohort, styles, settings, headline }: AgreementDashboardProps) {
  const coding = exercise.state === "coding";
  // A new run refreshes what the page built from the run's code sets — through the API, not by re-rendering
  // the page: a re-render would write an audit row per live update (opening the page writes one).
  const [unitData, setUnitData] = useState(unit);
  const isClass = cohort !== null;
  const onNewRun = useCallback(() => {
    if (isClass) return;
    void fetch(`/api/exercises/${encodeURIComponent(exercise.id)}/agreement/detail?units=all`, { cache: "no-store" })
      .then(async (res) => (res.ok ? unitsDetailSchema.parse(await res.json()).unit : null))
      .then((next) => setUnitData(next))
      .catch(() => undefined);
  }, [isClass, exercise.id]);
  const run = useAgreementRun(exercise.id, initial, coding, onNewRun);
  // A class's model (per-trainee rows, pair distribution) is the latest stored run's, and pushes carry no
  // pairs: when the summary names a new stored run, its model comes through the API (a few tens of KB) —
  // once per run, not per live change.
  const [classBase, setClassBase] = useState(cohort);
  const classRunId = useRef(initial?.runId ?? null);
  const runId = run.data?.runId ?? null;
  useEffect(() => {
    if (!isClass || runId === null || runId === classRunId.current) return;
    classRunId.current = runId;
    void fetch(`/api/exercises/${encodeURIComponent(exercise.id)}/agreement/detail?class=1`, { cache: "no-store" })
      .then(async (res) => (res.ok ? classDetailSchema.parse(await res.json()).cohort : null))
      // A newer run's request may already be on its way: only the latest run's model is kept.
      .then((next) => next && classRunId.current === runId && setClassBase(next))
      .catch(() => undefined);
  }, [isClass, runId, exercise.id]);
  const [statistic, setStatistic] = useState<StatisticId>(settings.statistic);
  const [schemeId, setSchemeId] = useState(settings.scheme);
  const [poles, setPoles] = useState(settings.poles);
  const scheme = bandScheme(schemeId);
  const schemeSelect = useId();
  const data = run.data;

  // The view's settings live in the URL, so a projected page can be bookmarked and reloaded as it was.
  useEffect(() => {
    const url = new URL(window.location.href);
    // The cohort's headline is the default: only a different choice goes into the URL.
    if (statistic !== headline.statistic) url.searchParams.set("stat", statistic);
    else url.searchParams.delete("stat");
    if (scheme.id !== headline.bands) url.searchParams.set("bands", scheme.id);
    else url.searchParams.delete("bands");
    if (poles) url.searchParams.set("poles", "1");
    else url.searchParams.delete("poles");
    window.history.replaceState(window.history.state, "", url);
  }, [statistic, scheme.id, poles, headline.statistic, headline.bands]);

  const names = data?.coders ?? [];
  const compared = data?.comparedCoders.map((id) => names.find((c) => c.id === id)?.name ?? id) ?? [];
  // A class (by the server's page, or by the coders compared now): the model from the server, or rebuilt
  // here when the numbers arrived with their pairs (the API body, a small group's push).
  const classModel = useMemo(
    () => (data && (isClass || data.comparedCoders.length >= COHORT_VIEW_MIN_CODERS) ? (data.pairs.length > 0 ? buildCohortModel(data) : classBase) : null),
    [data, isClass, classBase],
  );
  const ready = data !== null && data.comparedCoders.length >= 2 && Object.keys(data.variables).length > 0;

  return (
    <div className="agreement-page">
      <svg width="0" height="0" className="defs-only" aria-hidden="true" focusable="false">
        <PoleDefs styles={styles} />
      </svg>
      <header className="exercise-bar agreement-bar">
        <Link href={`/exercises/${exercise.id}`} className="btn" aria-label="Back to the coding page">
          ← Coding
        </Link>
        <div className="agreement-title">
          <h1>Agreement</h1>
          <span className="muted">{exercise.title}</span>
        </div>
        <span className={`badge badge-${exercise.mode}`}>{exercise.mode === "blind" ? "Blind" : "Open"}</span>
        <span className="badge">{exercise.state === "coding" ? "Coding" : exercise.state === "revealed" ? "Revealed" : "Closed"}</span>
        <span className="bar-spacer" />
        <RunStatus run={run} coding={coding} />
        <ExportMenu exerciseId={exercise.id} />
      </header>

      <main className="agreement-main">
        {!ready ? (
          <EmptyAgreement exerciseId={exercise.id} data={data} compared={compared} coding={coding} />
        ) : (
          <>
            <section className="agreement-section" aria-labelledby="per-dimension" id="dimensions">
              <div className="section-head">
                <h2 id="per-dimension">Agreement per dimension</h2>
                <p className="muted">
                  {compared.length} coders compared{compared.length <= 12 ? ` (${compared.join(", ")})` : ""} · <span data-testid="unit-definition">{data.unitDefinition}</span>
                  {data.idleCoders.length > 0 ? ` · ${data.idleCoders.length} not started yet` : ""}
                </p>
                {summarized(submitChoices(data)).map((line) => (
                  <p key={line} className="muted">
                    {line}
                  </p>
                ))}
              </div>
              <div className="agreement-controls">
                <div role="group" aria-label="Coefficient" className="segmented">
                  {STATISTIC_IDS.map((id) => (
                    <button key={id} type="button" aria-pressed={statistic === id} onClick={() => setStatistic(id)}>
                      {STATISTICS[id].label}
                    </button>
                  ))}
                </div>
                <label htmlFor={schemeSelect} className="inline-field">
                  Bands{" "}
                  <select id={schemeSelect} value={scheme.id} onChange={(e) => setSchemeId(e.target.value)} disabled={statistic === "po"}>
                    {BAND_SCHEME_CHOICES.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="inline-field">
                  <input type="checkbox" checked={poles} onChange={(e) => setPoles(e.target.checked)} /> Flexible and inflexible separately
                </label>
              </div>
              <HeadlineLine data={data} headline={headline} shown={{ statistic, bands: scheme.id }} />
              <DimensionBars data={data} statistic={statistic} scheme={scheme} styles={styles} showPoles={poles} />
              <p className="small muted bars-foot">
                Bars: the coefficient; whiskers: 95% bootstrap interval ({statistic === "po" ? "percent agreement is not corrected for chance, so no bands" : scheme.citation}).
                {data.unitizing?.krippendorff_unitizing_alpha != null && (
                  <>
                    {" "}
                    On the highlighted spans themselves (unitizing α): <strong>{formatCoefficient(data.unitizing.krippendorff_unitizing_alpha, scheme)}</strong>.
                  </>
                )}
              </p>
              <ComputationNotes data={data} />
            </section>

            {classModel ? (
              <CohortAgreement
                exerciseId={exercise.id}
                model={classModel}
                keyCoderId={data.keyCoderId}
                keyName={names.find((c) => c.id === data.keyCoderId)?.name ?? "the key"}
                statistic={statistic}
                scheme={scheme}
                styles={styles}
              />
            ) : (
              <>
                {data.keyCoderId && data.vsKey.length > 0 && (
                  <section className="agreement-section" aria-label="Against the key" id="against-key">
                    <KeyTable data={data} statistic={statistic} scheme={scheme} styles={styles} />
                  </section>
                )}
                <section className="agreement-section" aria-label="Coder pairs" id="coder-pairs">
                  <PairHeatmap data={data} statistic={statistic} scheme={scheme} styles={styles} />
                </section>

                {unitData && unitData.coders.length >= 2 && (
                  <section className="agreement-section" aria-label="Confusion matrix" id="confusion">
                    <ConfusionMatrix coders={unitData.coders} keyCoderId={data.keyCoderId} styles={styles} />
                  </section>
                )}
                {unitData && unitData.coders.length >= 1 && (
                  <section className="agreement-section" aria-label="Process timeline" id="timeline">
                    <ProcessTimeline unit={unitData} styles={styles} />
                  </section>
                )}
              </>
            )}
          </>
        )}
      </main>
    </div>
  );
}

function timeOf(iso: string): string {
  const date = new Date(iso);
  return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

function RunStatus({ run, coding }: { run: AgreementRun; coding: boolean }) {
  const computed = run.data?.computedAt;
  return (
    <p className="run-status" role="status" data-testid="run-status">
      {computed ? (
        <>
          Computed at{" "}
          <time dateTime={computed} suppressHydrationWarning>
            {timeOf(computed)}
          </time>
        </>
      ) : (
        "Not computed yet"
      )}
      <span className="muted small">
        {" "}
        ·{" "}
        {coding
          ? run.state === "offline"
            ? "offline — showing the last numbers"
            : run.state === "error"
              ? "couldn't refresh — showing the last numbers"
              : "updates within a second of any change"
          : "coding has ended: final numbers"}
      </span>
    </p>
  );
}

function ComputationNotes({ data }: { data: AgreementData }) {
  const notes = computationNotes(data);
  if (notes.length === 0) return null;
  return (
    <details className="computation-notes">
      <summary>Notes from the computation ({notes.length})</summary>
      <ul>
        {notes.map(({ text, where }) => (
          <li key={text}>
            {text} <span className="muted small">({where})</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function EmptyAgreement({ exerciseId, data, compared, coding }: { exerciseId: string; data: AgreementData | null; compared: string[]; coding: boolean }) {
  return (
    <section className="agreement-empty card" aria-labelledby="empty-title" data-testid="agreement-empty">
      <h2 id="empty-title">{data ? "Agreement needs a second coder" : "No agreement yet"}</h2>
      {data && compared.length === 1 ? (
        <p>
          Only <strong>{compared[0]}</strong> has coded or reviewed turns so far. Agreement compares coders on the same turns, so it appears as soon as a second coder
          looks at a turn.
        </p>
      ) : (
        <p>Agreement is computed once two coders have each looked at the same turns of the transcript.</p>
      )}
      <ol>
        <li>
          On the coding page, select text in a client turn and press <kbd>2</kbd> for cognition (<kbd>1</kbd>–<kbd>6</kbd> for the six dimensions), then{" "}
          <kbd>F</kbd> or <kbd>I</kbd> for the pole and <kbd>Enter</kbd>.
        </li>
        <li>
          Press <kbd>R</kbd> on a turn you have finished, even without a code: a reviewed turn with no code counts as “no process here” — and that is agreement too.
        </li>
        <li>{coding ? "This page updates by itself a few seconds after any change." : "Coding has ended for this exercise, so these numbers will not change."}</li>
      </ol>
      <p>
        <Link href={`/exercises/${exerciseId}`} className="btn btn-primary">
          Open the coding page
        </Link>
      </p>
    </section>
  );
}

/** What coders chose at submit for the units they had not looked at: it changes their n, so say it. */
function submitChoices(data: AgreementData): string[] {
  return data.coders.flatMap((c) => {
    if (!c.unreviewed || c.unreviewed.count === 0) return [];
    const n = c.unreviewed.count;
    const units = `${n} unit${n === 1 ? "" : "s"}`;
    return c.unreviewed.choice === "reviewed"
      ? [`${c.name} marked the remaining ${units} reviewed with no code at submit (they count as absent).`]
      : [`${c.name} left ${units} not looked at when submitting (they count as missing, not as absent).`];
  });
}

/** The cohort's headline for the exercise, always on the headline statistic; a note when the view below shows another. */
function HeadlineLine({ data, headline, shown }: { data: AgreementData; headline: HeadlineSetting; shown: { statistic: StatisticId; bands: string } }) {
  const h = exerciseHeadline(headline, data.variables);
  const note = differentStatisticNote(headline, shown, "because you chose it above (it is kept in this page's address)");
  return (
    <div className="headline-line" data-testid="exercise-headline">
      <p>
        <span className="muted">Headline ({headlineSettingText(headline)}), all codes, {data.comparedCoders.length} coders:</span>{" "}
        <strong className="headline-value" data-value={h.value ?? ""}>
          {h.text}
        </strong>{" "}
        <span className="headline-band">{h.bandText}</span>
      </p>
      {note && (
        <p className="small alert alert-info" role="note" data-testid="statistic-note">
          {note}
        </p>
      )}
    </div>
  );
}

/** A class has many submit notes: more than a few are counted, not listed. */
function summarized(lines: string[]): string[] {
  if (lines.length <= 4) return lines;
  const reviewed = lines.filter((l) => l.includes("marked the remaining")).length;
  return [`At submit, ${reviewed} coders marked their remaining units reviewed with no code (absent) and ${lines.length - reviewed} left theirs not looked at (missing).`];
}
