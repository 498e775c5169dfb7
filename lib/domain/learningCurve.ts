import { z } from "zod";
import { DIMENSIONS, type Dimension } from "./codebook";
import { BAND_SCHEME_IDS, type BandSchemeId, DEFAULT_HEADLINE, HEADLINE_STATISTIC_IDS, type HeadlineSetting, type HeadlineStatistic, type StatisticKey } from "./headline";

/**
 * Learning curves against a gold key (PRODUCT: "learning curves against a gold key across a cohort, with
 * time to criterion"). Pure: the progress query hands over each trainee's agreement with the key coder per
 * exercise (from that exercise's latest stored run); this file turns it into series, decides when a
 * trainee reached the course's criterion, and flags drift.
 *
 * Definitions (the page states them in words too):
 * - A trainee *meets* the criterion on an exercise when the point estimate is ≥ the criterion. The CI is
 *   drawn, not used: a course criterion is written on the estimate ("κ ≥ .70").
 * - *Time to criterion*: the first of the trainee's exercises from which every later one meets the
 *   criterion — a single lucky exercise followed by a miss is not "reached".
 * - *Drift*: the trainee met the criterion on some exercise and is below it on their latest one. A dip
 *   that was followed by recovery is reported as a dip, not as drift.
 * Exercises where the coefficient is undefined (neither coder used a dimension) neither meet nor miss.
 */

/** The statistics a curve can follow: the headline statistics (lib/domain/headline), each trainee against the key (two coders). */
export type CurveStatistic = HeadlineStatistic;
export const CURVE_STATISTIC_IDS = HEADLINE_STATISTIC_IDS;

export interface CurveStatisticInfo {
  id: CurveStatistic;
  /** The stored result's statistic name (agreement_results.statistic, CONTRACTS §6 key). */
  key: StatisticKey;
  name: string;
  symbol: string;
  /** Whether interpretation bands apply (not to percent agreement). */
  chanceCorrected: boolean;
}

export const CURVE_STATISTICS: Readonly<Record<CurveStatistic, CurveStatisticInfo>> = {
  alpha: { id: "alpha", key: "krippendorff_alpha", name: "Krippendorff's α", symbol: "α", chanceCorrected: true },
  kappa: { id: "kappa", key: "cohen_kappa", name: "Cohen's κ", symbol: "κ", chanceCorrected: true },
  ac1: { id: "ac1", key: "gwet_ac1", name: "Gwet's AC1", symbol: "AC1", chanceCorrected: true },
  po: { id: "po", key: "po", name: "Percent agreement", symbol: "% agr.", chanceCorrected: false },
};

export type CurveVariable = Dimension | "pooled";
export const CURVE_VARIABLES: readonly CurveVariable[] = [...DIMENSIONS, "pooled"];

/** How the criterion is applied: to the pooled score, or to every dimension (PRODUCT: "κ ≥ .70 per dimension"). */
export type CriterionRule = "pooled" | "dimensions";

export interface ProgressSettings {
  statistic: CurveStatistic;
  criterion: number;
  rule: CriterionRule;
  /** Interpretation bands named next to a value. */
  bands: BandSchemeId;
}

/** The curves' defaults: the cohort's headline statistic and bands (DEFAULT_HEADLINE until one is stored). */
export const DEFAULT_PROGRESS_SETTINGS: ProgressSettings = { statistic: DEFAULT_HEADLINE.statistic, criterion: 0.7, rule: "pooled", bands: DEFAULT_HEADLINE.bands };

const first = (v: unknown): unknown => (Array.isArray(v) ? v[0] : v);

/** Query-string settings (?stat=alpha&bands=landis-koch&criterion=0.8&rule=dimensions); anything malformed falls back to its default. */
export const progressSettingsSchema = z.object({
  stat: z.preprocess(first, z.enum(CURVE_STATISTIC_IDS).optional().catch(undefined)),
  bands: z.preprocess(first, z.enum(BAND_SCHEME_IDS).optional().catch(undefined)),
  criterion: z
    .preprocess(first, z.coerce.number().min(0.05).max(1).catch(DEFAULT_PROGRESS_SETTINGS.criterion))
    .default(DEFAULT_PROGRESS_SETTINGS.criterion),
  rule: z.preprocess(first, z.enum(["pooled", "dimensions"]).catch(DEFAULT_PROGRESS_SETTINGS.rule)).default(DEFAULT_PROGRESS_SETTINGS.rule),
});

/** The page's settings; the statistic and bands default to the cohort's headline. */
export function parseProgressSettings(query: Readonly<Record<string, string | string[] | undefined>>, headline: HeadlineSetting = DEFAULT_HEADLINE): ProgressSettings {
  const parsed = progressSettingsSchema.parse(query);
  // At most three decimals (Krippendorff's .667), so the criterion printed is the criterion applied.
  return { statistic: parsed.stat ?? headline.statistic, criterion: Math.round(parsed.criterion * 1000) / 1000, rule: parsed.rule, bands: parsed.bands ?? headline.bands };
}

/** A criterion as written in courses: two decimals ("0.70"), three where needed ("0.667"). */
export function formatCriterion(criterion: number): string {
  const two = criterion.toFixed(2);
  return Number(two) === criterion ? two : criterion.toFixed(3);
}

/** The query string of a settings change, keeping the other settings; defaults (the cohort's headline) are left out. */
export function progressQuery(settings: ProgressSettings, change: Partial<ProgressSettings> = {}, headline: HeadlineSetting = DEFAULT_HEADLINE): string {
  const next = { ...settings, ...change };
  const params = new URLSearchParams();
  if (next.statistic !== headline.statistic) params.set("stat", next.statistic);
  if (next.bands !== headline.bands) params.set("bands", next.bands);
  if (next.criterion !== DEFAULT_PROGRESS_SETTINGS.criterion) params.set("criterion", formatCriterion(next.criterion));
  if (next.rule !== DEFAULT_PROGRESS_SETTINGS.rule) params.set("rule", next.rule);
  const text = params.toString();
  return text ? `?${text}` : "";
}

// ── The data the progress query returns ────────────────────────────────────────────────────────────

/** One coefficient of a trainee against the key on one exercise. */
export interface KeyReading {
  /** null where the coefficient is undefined for this pair (e.g. neither coder used the dimension). */
  value: number | null;
  ci: [number, number] | null;
  /** Turns both the trainee and the key looked at. */
  nUnits: number;
  warnings: string[];
}

export interface ProgressExercise {
  id: string;
  title: string;
  /** 1-based place in the cohort's sequence of keyed, revealed blind exercises (the x axis). */
  position: number;
  /** When the exercise was set (ISO): the order of the sequence. */
  setAt: string;
  revealedAt: string | null;
  state: "revealed" | "closed";
  keyCoderName: string;
  /** Units (turns) the key and at least one trainee both looked at — the most over the trainees. */
  nTurns: number;
  /** The latest run's time (ISO). */
  computedAt: string;
}

export type TraineeEntry =
  | { exerciseId: string; compared: true; readings: Partial<Record<CurveStatistic, Partial<Record<CurveVariable, KeyReading>>>> }
  /** Assigned, but the run left the trainee out: they had not reviewed or coded a single turn. */
  | { exerciseId: string; compared: false };

export interface TraineeProgress {
  id: string;
  name: string;
  /** One per exercise the trainee was a coder in, in sequence order. */
  entries: TraineeEntry[];
}

export interface CohortProgress {
  /** "self": a trainee looking at their own curve; nobody else's row was loaded. */
  scope: "cohort" | "self";
  exercises: ProgressExercise[];
  trainees: TraineeProgress[];
  /** Keyed exercises left off the curves, by reason (the page says why). */
  excluded: {
    /** Blind and still being coded: agreement is hidden until the reveal. */
    stillCoding: number;
    /** Open mode: the coders saw the key's codes as they coded, so agreement is not independent. */
    openMode: number;
    /** Revealed, but no agreement run is stored, or the key coder had not coded a turn in it. */
    noKeyData: number;
  };
}

// ── Series ─────────────────────────────────────────────────────────────────────────────────────────

export interface CurvePoint {
  position: number;
  exerciseId: string;
  value: number | null;
  ci: [number, number] | null;
  nUnits: number;
  warnings: string[];
  /** Why there is no value: the trainee skipped the exercise, or the coefficient is undefined. */
  missing?: "not_compared" | "not_defined";
}

/** A trainee's points for one variable and statistic, one per exercise they were assigned, in sequence order. */
export function buildSeries(exercises: readonly ProgressExercise[], trainee: TraineeProgress, statistic: CurveStatistic, variable: CurveVariable): CurvePoint[] {
  const position = new Map(exercises.map((e) => [e.id, e.position]));
  const points: CurvePoint[] = [];
  for (const entry of trainee.entries) {
    const at = position.get(entry.exerciseId);
    if (at === undefined) continue;
    if (!entry.compared) {
      points.push({ position: at, exerciseId: entry.exerciseId, value: null, ci: null, nUnits: 0, warnings: [], missing: "not_compared" });
      continue;
    }
    const reading = entry.readings[statistic]?.[variable];
    const value = reading && reading.value !== null && Number.isFinite(reading.value) ? reading.value : null;
    points.push({
      position: at,
      exerciseId: entry.exerciseId,
      value,
      ci: value === null ? null : (reading?.ci ?? null),
      nUnits: reading?.nUnits ?? 0,
      warnings: reading?.warnings ?? [],
      ...(value === null ? { missing: "not_defined" as const } : {}),
    });
  }
  return points.sort((a, b) => a.position - b.position);
}

/** Points that carry a value. */
export function definedPoints(points: readonly CurvePoint[]): Array<CurvePoint & { value: number }> {
  return points.filter((p): p is CurvePoint & { value: number } => p.value !== null);
}

export function latestDefined(points: readonly CurvePoint[]): (CurvePoint & { value: number }) | null {
  const defined = definedPoints(points);
  return defined[defined.length - 1] ?? null;
}

// ── Criterion ──────────────────────────────────────────────────────────────────────────────────────

/** Whether an exercise met the criterion; null where it says nothing (no value). */
export interface CriterionStep {
  position: number;
  met: boolean | null;
}

export function meets(value: number, criterion: number): boolean {
  // Stored coefficients are doubles: 0.7 computed as 0.69999999999 still meets a .70 criterion.
  return value >= criterion - 1e-9;
}

export function criterionSteps(points: readonly CurvePoint[], criterion: number): CriterionStep[] {
  return points.map((p) => ({ position: p.position, met: p.value === null ? null : meets(p.value, criterion) }));
}

/**
 * "Every dimension" rule: an exercise meets the criterion when each dimension with a defined value meets
 * it (a dimension neither coder used says nothing); null when no dimension has a value.
 */
export function combineSteps(perVariable: ReadonlyArray<readonly CriterionStep[]>): CriterionStep[] {
  const byPosition = new Map<number, Array<boolean | null>>();
  for (const steps of perVariable) {
    for (const step of steps) {
      const list = byPosition.get(step.position) ?? [];
      list.push(step.met);
      byPosition.set(step.position, list);
    }
  }
  return [...byPosition.entries()]
    .sort(([a], [b]) => a - b)
    .map(([position, mets]) => {
      const known = mets.filter((m): m is boolean => m !== null);
      return { position, met: known.length === 0 ? null : known.every(Boolean) };
    });
}

export type CriterionStatus = "no_data" | "not_yet" | "reached" | "drift";

export interface CriterionOutcome {
  status: CriterionStatus;
  /** Time to criterion: the position from which every later exercise meets it; null = not (yet) reached. */
  reachedAt: number | null;
  /** How many of the trainee's exercises with a value it took, counting the one at reachedAt. */
  exercisesToReach: number | null;
  /** The first position that met the criterion at all. */
  firstMetAt: number | null;
  /** Drift (status "drift"): the latest position, below the criterion after firstMetAt. */
  driftAt: number | null;
  /** Positions below the criterion after firstMetAt (recovered dips and the current drift). */
  dips: number[];
  /** Exercises with a value. */
  nDefined: number;
}

export function criterionOutcome(steps: readonly CriterionStep[]): CriterionOutcome {
  const known = steps.filter((s): s is { position: number; met: boolean } => s.met !== null).sort((a, b) => a.position - b.position);
  const none: CriterionOutcome = { status: "no_data", reachedAt: null, exercisesToReach: null, firstMetAt: null, driftAt: null, dips: [], nDefined: 0 };
  if (known.length === 0) return none;
  // Walk back from the latest: the run of met exercises at the end is where the criterion holds.
  let from = known.length;
  while (from > 0 && known[from - 1]!.met) from--;
  const reached = from < known.length;
  const firstMetIndex = known.findIndex((s) => s.met);
  const firstMetAt = firstMetIndex < 0 ? null : known[firstMetIndex]!.position;
  const dips = firstMetIndex < 0 ? [] : known.slice(firstMetIndex + 1).filter((s) => !s.met).map((s) => s.position);
  const latest = known[known.length - 1]!;
  const drifting = firstMetAt !== null && !latest.met;
  return {
    status: reached ? "reached" : drifting ? "drift" : "not_yet",
    reachedAt: reached ? known[from]!.position : null,
    exercisesToReach: reached ? from + 1 : null,
    firstMetAt,
    driftAt: drifting ? latest.position : null,
    dips,
    nDefined: known.length,
  };
}

export interface TraineeCurves {
  trainee: TraineeProgress;
  pooled: CurvePoint[];
  dimensions: Record<Dimension, CurvePoint[]>;
  /** Outcome under the chosen rule (pooled, or every dimension). */
  outcome: CriterionOutcome;
  /** Each dimension's own outcome, for the small multiples. */
  dimensionOutcomes: Record<Dimension, CriterionOutcome>;
  pooledOutcome: CriterionOutcome;
  /** Exercises assigned, and those where the trainee was compared with the key. */
  assigned: number;
  compared: number;
}

export function traineeCurves(exercises: readonly ProgressExercise[], trainee: TraineeProgress, settings: Pick<ProgressSettings, "statistic" | "criterion" | "rule">): TraineeCurves {
  const pooled = buildSeries(exercises, trainee, settings.statistic, "pooled");
  const dimensions = Object.fromEntries(DIMENSIONS.map((d) => [d, buildSeries(exercises, trainee, settings.statistic, d)])) as Record<Dimension, CurvePoint[]>;
  const dimensionSteps = DIMENSIONS.map((d) => criterionSteps(dimensions[d], settings.criterion));
  const dimensionOutcomes = Object.fromEntries(DIMENSIONS.map((d, i) => [d, criterionOutcome(dimensionSteps[i]!)])) as Record<Dimension, CriterionOutcome>;
  const pooledOutcome = criterionOutcome(criterionSteps(pooled, settings.criterion));
  const outcome = settings.rule === "pooled" ? pooledOutcome : criterionOutcome(combineSteps(dimensionSteps));
  return {
    trainee,
    pooled,
    dimensions,
    outcome,
    dimensionOutcomes,
    pooledOutcome,
    assigned: trainee.entries.filter((e) => exercises.some((x) => x.id === e.exerciseId)).length,
    compared: trainee.entries.filter((e) => e.compared && exercises.some((x) => x.id === e.exerciseId)).length,
  };
}

/** Per position, the median of the trainees' values (the cohort's typical curve); positions with no value are left out. */
export function medianSeries(series: ReadonlyArray<readonly CurvePoint[]>): Array<{ position: number; value: number; n: number }> {
  const byPosition = new Map<number, number[]>();
  for (const points of series) {
    for (const p of points) {
      if (p.value === null) continue;
      const list = byPosition.get(p.position) ?? [];
      list.push(p.value);
      byPosition.set(p.position, list);
    }
  }
  return [...byPosition.entries()]
    .sort(([a], [b]) => a - b)
    .map(([position, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      return { position, value, n: sorted.length };
    });
}

// ── Reading aids ───────────────────────────────────────────────────────────────────────────────────

/**
 * A value to 2 decimals, or more where rounding would put it on the other side of the criterion (0.696
 * against .70 reads "0.696", not "0.70"). True minus sign; never "−0.00".
 */
export function formatAgainst(value: number, criterion: number): string {
  const side = meets(value, criterion);
  let decimals = 2;
  while (decimals < 4 && meets(Number(value.toFixed(decimals)), criterion) !== side) decimals++;
  let text = value.toFixed(decimals);
  if (meets(Number(text), criterion) !== side) {
    // Still across at 4 decimals (0.69996): cut towards the value's own side instead of rounding.
    const scale = 10 ** decimals;
    text = ((side ? Math.ceil(value * scale) : Math.floor(value * scale)) / scale).toFixed(decimals);
  }
  if (/^-0\.0+$/.test(text)) return text.slice(1);
  return text.replace(/^-/, "−");
}

/** The y range of a chart: up to 1, down to 0 or, for negative values and CIs, the next 0.2 below them. */
export function yDomain(values: readonly number[]): [number, number] {
  const low = Math.min(0, ...values.filter((v) => Number.isFinite(v)));
  if (low >= 0) return [0, 1];
  return [Math.max(-1, Math.floor(low * 5 - 1e-9) / 5), 1];
}
