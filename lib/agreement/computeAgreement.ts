import { bootstrapIntervals } from "./bootstrap";
import { brennanPrediger } from "./brennanPrediger";
import { categoryKey } from "./categories";
import { linearDisagreement, nominalDisagreement, quadraticDisagreement, weightedKappa } from "./cohen";
import { contingencyTableStatistic } from "./contingencyTable";
import { agreementWarnings } from "./diagnostics";
import { alphaDistance } from "./distance";
import { FeatureTable, type AdditiveStatistic } from "./featureTable";
import { fleissKappaStatistic, type FleissKappa } from "./fleiss";
import { gwetAc1Statistic } from "./gwet";
import { krippendorffAlphaStatistic } from "./krippendorff";
import { observedAgreementStatistic, type ObservedAgreement } from "./observed";
import { pabak } from "./pabak";
import { buildReliabilityData, hasMissingValues } from "./reliabilityData";
import { scottPi } from "./scott";
import { squareMatrix, type AgreementInput, type AgreementResult, type ScalarStatistic, type SquareMatrix } from "./types";
import { countUnits } from "./unitCounts";

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
function pairWeights(input: AgreementInput, categories: readonly (string | number)[]): Partial<Record<ScalarStatistic, SquareMatrix>> {
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

/**
 * All CONTRACTS §6 statistics for coded units. The input is trusted to have the schema's shape
 * (validate at the boundary with parseAgreementRequest); a key is left out where its statistic is
 * undefined for this input.
 */
export function computeAgreement(input: AgreementInput): AgreementResult {
  const rd = buildReliabilityData(input.data, input.categories);
  const counts = countUnits(rd);
  const K = rd.categories.length;
  const nCoders = rd.coders.length;
  const twoCoders = nCoders === 2;

  const observed = observedAgreementStatistic(counts);
  const alpha = krippendorffAlphaStatistic(counts, alphaDistance(input.level, rd.categories, input.weights));
  const ac1 = gwetAc1Statistic(counts, K);
  // Fleiss' formula assumes every unit was coded by all coders.
  const fleiss = nCoders >= 2 && rd.nUnits > 0 && !hasMissingValues(rd) ? fleissKappaStatistic(counts, nCoders) : undefined;
  const pairTable = twoCoders ? contingencyTableStatistic(rd) : undefined;
  const weights = twoCoders ? pairWeights(input, rd.categories) : {};

  const parts: AdditiveStatistic<unknown>[] = [observed, alpha, ac1];
  if (fleiss) parts.push(fleiss);
  if (pairTable) parts.push(pairTable);
  const { table, offsets } = FeatureTable.build(rd.nUnits, parts);
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

  const estimate = evaluate(table.sumAll());
  // Built without `warnings` so that key comes last in the JSON, as listed in CONTRACTS §6.
  const result: Omit<AgreementResult, "warnings"> = {
    n_units: rd.nUnits,
    n_coders: nCoders,
    n_pairable_units: estimate.observed.pairableUnits,
  };
  for (const key of SCALAR_STATISTICS) {
    const value = estimate.scalars[key];
    if (value !== undefined) result[key] = value;
    if (key === "fleiss_kappa" && estimate.fleiss && value !== undefined) {
      const byCategory: Record<string, number | null> = {};
      estimate.fleiss.byCategory.forEach((v, k) => {
        byCategory[categoryKey(rd.categories[k]!)] = v === undefined || !Number.isFinite(v) ? null : v;
      });
      result.fleiss_kappa_by_category = byCategory;
    }
  }

  const warnings = agreementWarnings(rd, counts, result);
  if (input.level === "ordinal" && !input.categories && rd.categories.some((c) => typeof c === "string")) {
    warnings.push(
      `Ordinal codes were ordered alphabetically (${rd.categories.map((c) => `"${c}"`).join(" < ")}); declare "categories" to give their real order.`,
    );
  }
  if (input.bootstrap) {
    const defined = SCALAR_STATISTICS.filter((key) => estimate.scalars[key] !== undefined);
    // Units nobody coded carry no information; resampling them would only add noise to n.
    const population = Int32Array.from({ length: rd.nUnits }, (_, u) => u).filter((u) => counts.totals[u]! > 0);
    const { intervals, undefinedShare } = bootstrapIntervals(table, population, defined, (sums) => evaluate(sums).scalars, input.bootstrap);
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
