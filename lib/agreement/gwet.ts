import { evaluateStatistic, type AdditiveStatistic } from "./featureTable";
import type { UnitCounts } from "./unitCounts";

/**
 * Gwet's AC1 for any number of coders with missing ratings (Gwet 2014, Handbook of Inter-Rater
 * Reliability, 4th ed., ch. 5; as implemented in his irrCAC package):
 *   p_a = mean over units rated ≥ 2 times of Σ_k r_ik(r_ik − 1) / (r_i(r_i − 1))
 *   π_k = mean over units rated ≥ 1 time of r_ik / r_i
 *   p_e = Σ_k π_k(1 − π_k) / (q − 1),   AC1 = (p_a − p_e) / (1 − p_e)
 * q counts declared categories even when unused.
 *
 * Slots: 0 pairable units, 1 Σ agreement shares, 2 rated units, 3.. Σ r_ik / r_i.
 */
export function gwetAc1Statistic(counts: UnitCounts, q: number = counts.nCategories): AdditiveStatistic<number | undefined> {
  const K = counts.nCategories;
  return {
    width: 3 + K,
    write(u, sink) {
      const m = counts.totals[u]!;
      if (m < 1) return;
      sink.add(2, 1);
      let agreeing = 0;
      for (let k = 0; k < K; k++) {
        const n = counts.counts[u * K + k]!;
        agreeing += n * (n - 1);
        sink.add(3 + k, n / m);
      }
      if (m >= 2) {
        sink.add(0, 1);
        sink.add(1, agreeing / (m * (m - 1)));
      }
    },
    finish(sums) {
      const pairable = sums[0]!;
      const rated = sums[2]!;
      if (pairable === 0 || q < 2) return undefined;
      const pa = sums[1]! / pairable;
      let spread = 0;
      for (let k = 0; k < K; k++) {
        const pi = sums[3 + k]! / rated;
        spread += pi * (1 - pi);
      }
      // p_e ≤ 1/q < 1, so the denominator never vanishes.
      const pe = spread / (q - 1);
      return (pa - pe) / (1 - pe);
    },
  };
}

export function gwetAc1(counts: UnitCounts, q: number = counts.nCategories): number | undefined {
  return evaluateStatistic(counts.nUnits, gwetAc1Statistic(counts, q));
}
