import type { FeatureTable } from "./featureTable";
import { mulberry32 } from "./random";

export interface BootstrapSettings {
  readonly replicates: number;
  readonly seed: number;
  /** Two-sided coverage of the percentile interval. */
  readonly confidence?: number;
}

export interface BootstrapOutcome<K extends string> {
  readonly intervals: Partial<Record<K, [number, number]>>;
  /** Share of replicates in which the statistic was undefined (e.g. a resample with one category). */
  readonly undefinedShare: Partial<Record<K, number>>;
}

/** Below this share of defined replicates an interval would describe a different population. */
export const MIN_DEFINED_SHARE = 0.5;

/**
 * Nonparametric bootstrap over units with a percentile interval: each replicate draws
 * `population.length` units with replacement (seeded, so reruns match) and sums their precomputed
 * feature rows; `evaluate` turns the sums into statistics. All statistics share the same resamples,
 * so their intervals are comparable.
 */
export function bootstrapIntervals<K extends string>(
  table: FeatureTable,
  population: Int32Array,
  statistics: readonly K[],
  evaluate: (sums: Float64Array) => Partial<Record<K, number>>,
  settings: BootstrapSettings,
): BootstrapOutcome<K> {
  const { replicates, seed, confidence = 0.95 } = settings;
  const intervals: Partial<Record<K, [number, number]>> = {};
  const undefinedShare: Partial<Record<K, number>> = {};
  const n = population.length;
  if (n === 0 || replicates < 1 || statistics.length === 0) return { intervals, undefinedShare };

  const random = mulberry32(seed);
  const rows = new Int32Array(n);
  const sums = new Float64Array(table.width);
  const draws = statistics.map(() => new Float64Array(replicates));
  for (let r = 0; r < replicates; r++) {
    for (let i = 0; i < n; i++) rows[i] = population[Math.floor(random() * n)]!;
    const values = evaluate(table.sumRows(rows, sums));
    statistics.forEach((key, s) => {
      draws[s]![r] = values[key] ?? Number.NaN;
    });
  }

  const tail = (1 - confidence) / 2;
  statistics.forEach((key, s) => {
    const defined = draws[s]!.filter((v) => Number.isFinite(v)).sort();
    undefinedShare[key] = 1 - defined.length / replicates;
    if (defined.length === 0 || defined.length < MIN_DEFINED_SHARE * replicates) return;
    intervals[key] = [quantile(defined, tail), quantile(defined, 1 - tail)];
  });
  return { intervals, undefinedShare };
}

/** Linear interpolation between order statistics (Hyndman & Fan type 7, R's default). */
export function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
