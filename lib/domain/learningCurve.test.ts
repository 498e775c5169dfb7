import { describe, expect, it } from "vitest";
import {
  type CriterionStep,
  type CurvePoint,
  type KeyReading,
  type ProgressExercise,
  type TraineeProgress,
  buildSeries,
  combineSteps,
  criterionOutcome,
  criterionSteps,
  formatAgainst,
  formatCriterion,
  latestDefined,
  medianSeries,
  parseProgressSettings,
  progressQuery,
  traineeCurves,
  yDomain,
} from "./learningCurve";

const exercise = (position: number): ProgressExercise => ({
  id: `e${position}`,
  title: `Exercise ${position}`,
  position,
  setAt: new Date(Date.UTC(2026, 0, position)).toISOString(),
  revealedAt: null,
  state: "revealed",
  keyCoderName: "Key",
  nTurns: 40,
  computedAt: new Date(Date.UTC(2026, 0, position)).toISOString(),
});

const reading = (value: number | null, ci: [number, number] | null = null): KeyReading => ({ value, ci, nUnits: 40, warnings: [] });

/** A trainee with pooled κ values per position (null → undefined coefficient, "skip" → not compared). */
function trainee(values: Record<number, number | null | "skip">, dims: Partial<Record<string, Record<number, number | null>>> = {}): TraineeProgress {
  return {
    id: "t",
    name: "Trainee",
    entries: Object.entries(values).map(([pos, v]) => {
      const exerciseId = `e${pos}`;
      if (v === "skip") return { exerciseId, compared: false as const };
      const kappa: Record<string, KeyReading> = { pooled: reading(v, v === null ? null : [v - 0.1, v + 0.1]) };
      for (const [dim, byPos] of Object.entries(dims)) if (byPos && Number(pos) in byPos) kappa[dim] = reading(byPos[Number(pos)]!);
      return { exerciseId, compared: true as const, readings: { kappa, alpha: { pooled: reading(v === null ? null : v - 0.05) } } };
    }),
  };
}

const steps = (...mets: Array<boolean | null>): CriterionStep[] => mets.map((met, i) => ({ position: i + 1, met }));

describe("series", () => {
  const exercises = [1, 2, 3, 4].map(exercise);

  it("orders the trainee's points by the cohort's sequence, whatever order the entries came in", () => {
    const t = trainee({ 3: 0.6, 1: 0.4, 2: 0.5 });
    expect(buildSeries(exercises, t, "kappa", "pooled").map((p) => [p.position, p.value])).toEqual([
      [1, 0.4],
      [2, 0.5],
      [3, 0.6],
    ]);
  });

  it("reads the chosen statistic and keeps its CI", () => {
    const t = trainee({ 1: 0.75 });
    expect(buildSeries(exercises, t, "kappa", "pooled")[0]).toMatchObject({ value: 0.75, ci: [0.65, 0.85], nUnits: 40 });
    expect(buildSeries(exercises, t, "alpha", "pooled")[0]!.value).toBeCloseTo(0.7);
  });

  it("marks an exercise the trainee skipped and one where the coefficient is undefined, without a value", () => {
    const t = trainee({ 1: "skip", 2: null, 3: 0.7 }, { cognition: { 3: 0.5 } });
    const pooled = buildSeries(exercises, t, "kappa", "pooled");
    expect(pooled.map((p) => p.missing)).toEqual(["not_compared", "not_defined", undefined]);
    // A dimension the run did not report for that trainee is undefined there, not zero.
    expect(buildSeries(exercises, t, "kappa", "emotion")[2]).toMatchObject({ value: null, missing: "not_defined" });
    expect(latestDefined(pooled)?.position).toBe(3);
  });

  it("leaves out entries for exercises that are not on the curve (e.g. still coding)", () => {
    const t: TraineeProgress = { id: "t", name: "T", entries: [{ exerciseId: "elsewhere", compared: true, readings: { kappa: { pooled: reading(1) } } }] };
    expect(buildSeries(exercises, t, "kappa", "pooled")).toEqual([]);
  });

  it("takes the median across trainees per exercise", () => {
    const pts = (vals: Array<number | null>): CurvePoint[] => vals.map((value, i) => ({ position: i + 1, exerciseId: `e${i + 1}`, value, ci: null, nUnits: 1, warnings: [] }));
    expect(medianSeries([pts([0.2, 0.5]), pts([0.4, null]), pts([0.9, 0.7])])).toEqual([
      { position: 1, value: 0.4, n: 3 },
      { position: 2, value: 0.6, n: 2 },
    ]);
  });
});

describe("time to criterion and drift", () => {
  it("is the first exercise from which the trainee stays at or above the criterion", () => {
    const outcome = criterionOutcome(steps(false, true, false, true, true));
    expect(outcome).toMatchObject({ status: "reached", reachedAt: 4, exercisesToReach: 4, firstMetAt: 2, dips: [3], driftAt: null });
  });

  it("counts only exercises with a value towards the time to criterion", () => {
    const outcome = criterionOutcome(steps(false, null, true, true));
    expect(outcome).toMatchObject({ status: "reached", reachedAt: 3, exercisesToReach: 2, nDefined: 3 });
  });

  it("is 'not yet' while the trainee has never met the criterion", () => {
    expect(criterionOutcome(steps(false, false))).toMatchObject({ status: "not_yet", reachedAt: null, firstMetAt: null, dips: [] });
  });

  it("flags drift when a trainee who had met the criterion is below it on the latest exercise", () => {
    const outcome = criterionOutcome(steps(false, true, true, false));
    expect(outcome).toMatchObject({ status: "drift", reachedAt: null, firstMetAt: 2, driftAt: 4, dips: [4] });
  });

  it("does not flag drift after a dip the trainee recovered from", () => {
    const outcome = criterionOutcome(steps(true, false, true));
    expect(outcome.status).toBe("reached");
    expect(outcome.dips).toEqual([2]);
    expect(outcome.driftAt).toBeNull();
  });

  it("says nothing without any value", () => {
    expect(criterionOutcome(steps(null, null)).status).toBe("no_data");
    expect(criterionOutcome([]).status).toBe("no_data");
  });

  it("treats a value equal to the criterion as meeting it, also through floating-point noise", () => {
    const pts: CurvePoint[] = [0.7, 0.69999999999, 0.6999].map((value, i) => ({ position: i + 1, exerciseId: `e${i}`, value, ci: null, nUnits: 1, warnings: [] }));
    expect(criterionSteps(pts, 0.7).map((s) => s.met)).toEqual([true, true, false]);
  });

  it("under the every-dimension rule, meets only where every defined dimension does", () => {
    const combined = combineSteps([steps(true, true, null), steps(false, true, null), steps(null, true, null)]);
    expect(combined.map((s) => s.met)).toEqual([false, true, null]);
  });

  it("applies the chosen rule to a trainee's curves", () => {
    const exercises = [1, 2, 3].map(exercise);
    const t = trainee({ 1: 0.75, 2: 0.8, 3: 0.85 }, { cognition: { 1: 0.4, 2: 0.72, 3: 0.9 }, self: { 1: 0.9, 2: 0.6, 3: 0.71 } });
    const pooled = traineeCurves(exercises, t, { statistic: "kappa", criterion: 0.7, rule: "pooled" });
    expect(pooled.outcome).toMatchObject({ status: "reached", reachedAt: 1 });
    const dims = traineeCurves(exercises, t, { statistic: "kappa", criterion: 0.7, rule: "dimensions" });
    expect(dims.outcome).toMatchObject({ status: "reached", reachedAt: 3 });
    expect(dims.dimensionOutcomes.cognition).toMatchObject({ status: "reached", reachedAt: 2 });
    expect(dims.dimensionOutcomes.self).toMatchObject({ status: "reached", reachedAt: 3, dips: [2] });
    expect(dims.dimensionOutcomes.emotion.status).toBe("no_data");
    expect(dims).toMatchObject({ assigned: 3, compared: 3 });
  });
});

describe("settings and reading aids", () => {
  it("reads the query string, falling back to the cohort's headline statistic ≥ .70 on the pooled score for anything malformed", () => {
    expect(parseProgressSettings({})).toEqual({ statistic: "alpha", criterion: 0.7, rule: "pooled", bands: "krippendorff" });
    expect(parseProgressSettings({}, { statistic: "kappa", bands: "landis-koch" })).toEqual({ statistic: "kappa", criterion: 0.7, rule: "pooled", bands: "landis-koch" });
    expect(parseProgressSettings({ stat: "kappa", bands: "cicchetti", criterion: "0.8", rule: "dimensions" })).toEqual({ statistic: "kappa", criterion: 0.8, rule: "dimensions", bands: "cicchetti" });
    expect(parseProgressSettings({ stat: "phi", bands: "mine", criterion: "high", rule: "all" })).toEqual({ statistic: "alpha", criterion: 0.7, rule: "pooled", bands: "krippendorff" });
    expect(parseProgressSettings({ criterion: "7" }).criterion).toBe(0.7);
    expect(parseProgressSettings({ criterion: ["0.667", "0.9"] }).criterion).toBe(0.667);
    expect(parseProgressSettings({ criterion: "0.70000001" }).criterion).toBe(0.7);
  });

  it("prints a criterion with two decimals, three where the course's criterion needs them", () => {
    expect(formatCriterion(0.7)).toBe("0.70");
    expect(formatCriterion(0.667)).toBe("0.667");
  });

  it("writes a query string that keeps the other settings and leaves the cohort's headline and other defaults out", () => {
    const settings = { statistic: "alpha" as const, criterion: 0.8, rule: "pooled" as const, bands: "krippendorff" as const };
    expect(progressQuery(settings, { rule: "dimensions" })).toBe("?criterion=0.80&rule=dimensions");
    expect(progressQuery(settings, { statistic: "kappa", criterion: 0.7 })).toBe("?stat=kappa");
    expect(progressQuery(settings, { statistic: "kappa", criterion: 0.7 }, { statistic: "kappa", bands: "krippendorff" })).toBe("");
    expect(progressQuery(settings, { bands: "landis-koch" })).toBe("?bands=landis-koch&criterion=0.80");
  });

  it("prints enough decimals that a value never appears to be on the wrong side of the criterion", () => {
    expect(formatAgainst(0.723, 0.7)).toBe("0.72");
    expect(formatAgainst(0.696, 0.7)).toBe("0.696");
    expect(formatAgainst(0.69996, 0.7)).toBe("0.6999");
    expect(formatAgainst(-0.1234, 0.7)).toBe("−0.12");
    expect(formatAgainst(-0.001, 0.7)).toBe("0.00");
  });

  it("extends the y range below zero in steps of .2 only when a value or CI needs it", () => {
    expect(yDomain([0.3, 0.9])).toEqual([0, 1]);
    expect(yDomain([-0.05, 0.5])).toEqual([-0.2, 1]);
    expect(yDomain([-3])).toEqual([-1, 1]);
  });
});
