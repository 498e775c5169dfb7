import { evaluateStatistic, type AdditiveStatistic } from "./featureTable";
import type { UnitCounts } from "./unitCounts";

export interface FleissKappa {
  readonly kappa: number | undefined;
  /** κ_j per category index; undefined where p_j is 0 or 1. */
  readonly byCategory: readonly (number | undefined)[];
}

/**
 * Fleiss' κ (Fleiss 1971) for N units each coded by the same number m ≥ 2 of coders:
 *   P̄ = Σ_i Σ_j n_ij(n_ij − 1) / (N m(m−1)),  p_j = Σ_i n_ij / (N m),  P̄e = Σ_j p_j²,
 *   κ = (P̄ − P̄e)/(1 − P̄e),   κ_j = 1 − Σ_i n_ij(m − n_ij) / (N m(m−1) p_j(1 − p_j)).
 * The formula assumes complete data; callers must not use it when any value is missing.
 *
 * Slots: 0 units, 1 Σ_ij n_ij(n_ij − 1), 2..K+1 Σ_i n_ij, K+2..2K+1 Σ_i n_ij(m − n_ij).
 */
export function fleissKappaStatistic(counts: UnitCounts, m: number): AdditiveStatistic<FleissKappa> {
  const K = counts.nCategories;
  return {
    width: 2 + 2 * K,
    write(u, sink) {
      sink.add(0, 1);
      let agreeing = 0;
      for (let k = 0; k < K; k++) {
        const n = counts.counts[u * K + k]!;
        agreeing += n * (n - 1);
        sink.add(2 + k, n);
        sink.add(2 + K + k, n * (m - n));
      }
      sink.add(1, agreeing);
    },
    finish(sums) {
      const N = sums[0]!;
      const byCategory: (number | undefined)[] = new Array<number | undefined>(K).fill(undefined);
      if (N === 0 || m < 2) return { kappa: undefined, byCategory };
      const pairs = N * m * (m - 1);
      const pBar = sums[1]! / pairs;
      let peBar = 0;
      for (let k = 0; k < K; k++) {
        const p = sums[2 + k]! / (N * m);
        peBar += p * p;
        const spread = p * (1 - p);
        if (spread > 0) byCategory[k] = 1 - sums[2 + K + k]! / (pairs * spread);
      }
      const kappa = peBar < 1 ? (pBar - peBar) / (1 - peBar) : undefined;
      return { kappa, byCategory };
    },
  };
}

/** Undefined unless every unit has the same number m ≥ 2 of values (complete data). */
export function fleissKappa(counts: UnitCounts): FleissKappa | undefined {
  const m = counts.totals[0];
  if (m === undefined || m < 2 || counts.totals.some((t) => t !== m)) return undefined;
  return evaluateStatistic(counts.nUnits, fleissKappaStatistic(counts, m));
}
