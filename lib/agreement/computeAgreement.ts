import { bootstrapIntervals } from "./bootstrap";
import { brennanPrediger } from "./brennanPrediger";
import { categoryKey } from "./categories";
import { linearDisagreement, nominalDisagreement, quadraticDisagreement, weightedKappa } from "./cohen";
import { contingencyTableStatistic } from "./contingencyTable";
import { warningFacts, warningsFromFacts, type WarningFacts } from "./diagnostics";
import { alphaDistance } from "./distance";
import { FeatureTable, type AdditiveStatistic } from "./featureTable";
import { fleissKappaStatistic, type FleissKappa } from "./fleiss";
import { gwetAc1Statistic } from "./gwet";
import { krippendorffAlphaStatistic } from "./krippendorff";
import { observedAgreementStatistic, type ObservedAgreement } from "./observed";
import { pabak } from "./pabak";
import { buildReliabilityData, hasMissingValues, type ReliabilityData } from "./reliabilityData";
import { scottPi } from "./scott";
import { squareMatrix, type AgreementInput, type AgreementResult, type ScalarStatistic, type SquareMatrix } from "./types";
import { countUnits, type UnitCounts } from "./unitCounts";

/** Output order of the scalar statistics (CONTRACTS §6). */
export const SCALAR_STATISTICS: readonly ScalarStatistic[] = [
  "po",
  "cohen_kappa",
  "cohen_kappa_linear",
  "cohen_kappa_quadratic",
  "cohen_kappa_weighted",
  "scott_pi",
  "fleiss_kappa",
  "krippendorff_alpha",
  "gwet_ac1",
  "brennan_prediger",
  "pabak",
];

interface Evaluation {
  readonly observed: ObservedAgreement;
  readonly scalars: Partial<Record<ScalarStatistic, number>>;
  readonly fleiss: FleissKappa | undefined;
}

/** Two-coder weighting schemes; linear/quadratic need ordered categories, so nominal data gets none. */
function pairWeights(input: Pick<AgreementInput, "level" | "weights">, categories: readonly (string | number)[]): Partial<Record<ScalarStatistic, SquareMatrix>> {
  const K = categories.length;
  const schemes: Partial<Record<ScalarStatistic, SquareMatrix>> = { cohen_kappa: nominalDisagreement(K) };
  if (input.level !== "nominal") {
    // Ordinal codes carry rank only; interval/ratio codes carry their numeric spacing.
    const scores = input.level === "ordinal" ? categories.map((_, i) => i) : categories.map((c) => Number(c));
    schemes.cohen_kappa_linear = linearDisagreement(scores);
    schemes.cohen_kappa_quadratic = quadraticDisagreement(scores);
  }
  if (input.weights) schemes.cohen_kappa_weighted = squareMatrix(input.weights);
  return schemes;
}

/** What the statistics depend on besides the per-unit sums: the data's shape. */
export interface AgreementShape {
  readonly level: AgreementInput["level"];
  /** The resolved categories, in order. */
  readonly categories: readonly (string | number)[];
  readonly weights?: AgreementInput["weights"];
  readonly nCoders: number;
  readonly nUnits: number;
  /** Every coder coded every unit (Fleiss' κ needs it). */
  readonly complete: boolean;
}

/** The unit-additive statistics for a shape, laid side by side, and the formula from their sums to the estimates. */
export interface AgreementStatistics {
  readonly parts: AdditiveStatistic<unknown>[];
  readonly offsets: readonly number[];
  readonly width: number;
  /** Slot offsets by role, for a caller (the live engine) that fills the sums itself. */
  readonly layout: { observed: number; alpha: number; ac1: number; fleiss: number | null; pairTable: number | null };
  evaluate(sums: Float64Array): Evaluation;
}

export type { Evaluation as AgreementEvaluation };

const NO_COUNTS: UnitCounts = { nUnits: 0, nCategories: 0, counts: new Float64Array(0), totals: new Float64Array(0) };

/**
 * The statistics of computeAgreement for a shape. `counts` and `rd` feed the per-unit `write`s; a caller
 * that only evaluates sums it built itself (lib/agreement/liveVariable.ts) passes none.
 */
export function agreementStatistics(shape: AgreementShape, counts?: UnitCounts, rd?: ReliabilityData): AgreementStatistics {
  const K = shape.categories.length;
  const unitCounts = counts ?? { ...NO_COUNTS, nCategories: K };
  const twoCoders = shape.nCoders === 2;
  const observed = observedAgreementStatistic(unitCounts);
  const alpha = krippendorffAlphaStatistic(unitCounts, alphaDistance(shape.level, shape.categories, shape.weights));
  const ac1 = gwetAc1Statistic(unitCounts, K);
  // Fleiss' formula assumes every unit was coded by all coders.
  const fleiss = shape.nCoders >= 2 && shape.nUnits > 0 && shape.complete ? fleissKappaStatistic(unitCounts, shape.nCoders) : undefined;
  const pairTable = twoCoders ? contingencyTableStatistic(rd ?? { coders: ["a", "b"], categories: shape.categories, nUnits: 0, values: new Int32Array(0) }) : undefined;
  const weights = twoCoders ? pairWeights(shape, shape.categories) : {};

  const parts: AdditiveStatistic<unknown>[] = [observed, alpha, ac1];
  if (fleiss) parts.push(fleiss);
  if (pairTable) parts.push(pairTable);
  const offsets: number[] = [];
  let width = 0;
  for (const part of parts) {
    offsets.push(width);
    width += part.width;
  }
  const slice = (sums: Float64Array, i: number): Float64Array => sums.subarray(offsets[i]!, offsets[i]! + parts[i]!.width);

  const evaluate = (sums: Float64Array): Evaluation => {
    const scalars: Partial<Record<ScalarStatistic, number>> = {};
    const set = (key: ScalarStatistic, value: number | undefined): void => {
      if (value !== undefined && Number.isFinite(value)) scalars[key] = value;
    };
    const obs = observed.finish(slice(sums, 0));
    set("po", obs.po);
    if (pairTable) {
      const cells = pairTable.finish(slice(sums, parts.length - 1));
      for (const [key, matrix] of Object.entries(weights) as [ScalarStatistic, SquareMatrix][]) set(key, weightedKappa(cells, matrix));
      set("scott_pi", scottPi(cells, K));
      if (K <= 2) set("pabak", pabak(obs.po));
    }
    const fleissResult = fleiss ? fleiss.finish(slice(sums, 3)) : undefined;
    set("fleiss_kappa", fleissResult?.kappa);
    set("krippendorff_alpha", alpha.finish(slice(sums, 1)));
    set("gwet_ac1", ac1.finish(slice(sums, 2)));
    set("brennan_prediger", brennanPrediger(obs.po, K));
    return { observed: obs, scalars, fleiss: fleissResult };
  };
  const layout = { observed: offsets[0]!, alpha: offsets[1]!, ac1: offsets[2]!, fleiss: fleiss ? offsets[3]! : null, pairTable: pairTable ? offsets[parts.length - 1]! : null };
  return { parts, offsets, width, layout, evaluate };
}

/** The §6 result (without CIs) from an evaluation: keys in CONTRACTS order, warnings last. */
export function agreementResultOf(shape: AgreementShape, estimate: Evaluation, facts: WarningFacts, categoriesDeclared: boolean): AgreementResult {
  // Built without `warnings` so that key comes last in the JSON, as listed in CONTRACTS §6.
  const result: Omit<AgreementResult, "warnings"> = {
    n_units: shape.nUnits,
    n_coders: shape.nCoders,
    n_pairable_units: estimate.observed.pairableUnits,
  };
  for (const key of SCALAR_STATISTICS) {
    const value = estimate.scalars[key];
    if (value !== undefined) result[key] = value;
    if (key === "fleiss_kappa" && estimate.fleiss && value !== undefined) {
      const byCategory: Record<string, number | null> = {};
      estimate.fleiss.byCategory.forEach((v, k) => {
        byCategory[categoryKey(shape.categories[k]!)] = v === undefined || !Number.isFinite(v) ? null : v;
      });
      result.fleiss_kappa_by_category = byCategory;
    }
  }
  const warnings = warningsFromFacts(facts, result);
  if (shape.level === "ordinal" && !categoriesDeclared && shape.categories.some((c) => typeof c === "string")) {
    warnings.push(
      `Ordinal codes were ordered alphabetically (${shape.categories.map((c) => `"${c}"`).join(" < ")}); declare "categories" to give their real order.`,
    );
  }
  return { ...result, warnings };
}

/**
 * All CONTRACTS §6 statistics for coded units. The input is trusted to have the schema's shape
 * (validate at the boundary with parseAgreementRequest); a key is left out where its statistic is
 * undefined for this input.
 */
export function computeAgreement(input: AgreementInput): AgreementResult {
  const rd = buildReliabilityData(input.data, input.categories);
  const counts = countUnits(rd);
  const shape: AgreementShape = {
    level: input.level,
    categories: rd.categories,
    weights: input.weights,
    nCoders: rd.coders.length,
    nUnits: rd.nUnits,
    complete: !hasMissingValues(rd),
  };
  const statistics = agreementStatistics(shape, counts, rd);
  const { table } = FeatureTable.build(rd.nUnits, statistics.parts);
  const estimate = statistics.evaluate(table.sumAll());
  const { warnings, ...result } = agreementResultOf(shape, estimate, warningFacts(rd, counts), input.categories !== undefined);
  if (input.bootstrap) {
    const defined = SCALAR_STATISTICS.filter((key) => estimate.scalars[key] !== undefined);
    // Units nobody coded carry no information; resampling them would only add noise to n.
    const population = Int32Array.from({ length: rd.nUnits }, (_, u) => u).filter((u) => counts.totals[u]! > 0);
    const { intervals, undefinedShare } = bootstrapIntervals(table, population, defined, (sums) => statistics.evaluate(sums).scalars, input.bootstrap);
    result.ci = intervals;
    for (const key of defined) {
      const share = undefinedShare[key] ?? 0;
      if (intervals[key] === undefined) {
        warnings.push(`No confidence interval for ${key}: it was undefined in ${Math.round(share * 100)}% of bootstrap resamples (too little variation in the data).`);
      }
    }
  }
  return { ...result, warnings };
}
