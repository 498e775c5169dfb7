import { ordinalDistanceMatrix, type AlphaDistance } from "./distance";
import { evaluateStatistic, type AdditiveStatistic } from "./featureTable";
import type { SquareMatrix } from "./types";
import type { UnitCounts } from "./unitCounts";

/**
 * Krippendorff's α by the coincidence-matrix method (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"), any number of coders, missing values allowed. Only pairable units (m_u ≥ 2)
 * enter. With o_ck the coincidences, n_c their marginals and n.. the number of pairable values:
 *   α = 1 − (n.. − 1) · Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck.
 * Unit u adds Σ_ck n_uc n_uk δ²_ck / (m_u − 1) to the numerator sum (δ²_cc = 0 removes the self-pair
 * term), which is why a scalar per unit suffices for every fixed distance. Ordinal δ² depends on the
 * marginals, so there each unit contributes its off-diagonal coincidences instead.
 *
 * Slots: 0..K−1 n_c; fixed distances: K the observed numerator; ordinal: K + c·K + k for c < k.
 */
export function krippendorffAlphaStatistic(counts: UnitCounts, distance: AlphaDistance): AdditiveStatistic<number | undefined> {
  const K = counts.nCategories;
  const ordinal = distance.kind === "ordinal";
  const present = new Int32Array(K);

  function observedWithin(u: number, used: number): number {
    const row = u * K;
    switch (distance.kind) {
      case "nominal": {
        let m = 0;
        let squares = 0;
        for (let i = 0; i < used; i++) {
          const n = counts.counts[row + present[i]!]!;
          m += n;
          squares += n * n;
        }
        return m * m - squares;
      }
      case "interval": {
        let m = 0;
        let sum = 0;
        let sumSq = 0;
        for (let i = 0; i < used; i++) {
          const k = present[i]!;
          const n = counts.counts[row + k]!;
          const v = distance.values[k]!;
          m += n;
          sum += n * v;
          sumSq += n * v * v;
        }
        return 2 * (m * sumSq - sum * sum);
      }
      case "matrix":
        return quadraticForm(distance.delta, (k) => counts.counts[row + k]!, present, used);
      case "ordinal":
        return 0;
    }
  }

  return {
    width: ordinal ? K + K * K : K + 1,
    write(u, sink) {
      const m = counts.totals[u]!;
      if (m < 2) return;
      const row = u * K;
      let used = 0;
      for (let k = 0; k < K; k++) {
        const n = counts.counts[row + k]!;
        if (n > 0) {
          present[used++] = k;
          sink.add(k, n);
        }
      }
      if (used < 2) return;
      if (ordinal) {
        for (let i = 0; i < used; i++) {
          const c = present[i]!;
          for (let j = i + 1; j < used; j++) {
            const k = present[j]!;
            sink.add(K + c * K + k, (counts.counts[row + c]! * counts.counts[row + k]!) / (m - 1));
          }
        }
      } else {
        sink.add(K, observedWithin(u, used) / (m - 1));
      }
    },
    finish(sums) {
      const marginals = sums.subarray(0, K);
      let total = 0;
      let distinct = 0;
      for (let k = 0; k < K; k++) {
        total += marginals[k]!;
        if (marginals[k]! > 0) distinct++;
      }
      // One value used throughout (or nothing pairable): no variation, so α is undefined.
      if (distinct < 2) return undefined;
      let observed: number;
      let expected: number;
      switch (distance.kind) {
        case "nominal": {
          let squares = 0;
          for (let k = 0; k < K; k++) squares += marginals[k]! * marginals[k]!;
          observed = sums[K]!;
          expected = total * total - squares;
          break;
        }
        case "interval": {
          let sum = 0;
          let sumSq = 0;
          for (let k = 0; k < K; k++) {
            const v = distance.values[k]!;
            sum += marginals[k]! * v;
            sumSq += marginals[k]! * v * v;
          }
          observed = sums[K]!;
          expected = 2 * (total * sumSq - sum * sum);
          break;
        }
        case "matrix": {
          observed = sums[K]!;
          expected = quadraticForm(distance.delta, (k) => marginals[k]!, null, K);
          break;
        }
        case "ordinal": {
          const delta = ordinalDistanceMatrix(marginals);
          observed = 0;
          expected = 0;
          for (let c = 0; c < K; c++) {
            for (let k = c + 1; k < K; k++) {
              const d = delta.data[c * K + k]!;
              observed += 2 * sums[K + c * K + k]! * d;
              expected += 2 * marginals[c]! * marginals[k]! * d;
            }
          }
          break;
        }
      }
      if (!(expected > 0)) return undefined;
      return 1 - ((total - 1) * observed) / expected;
    },
  };
}

/** Σ_c Σ_k x_c x_k δ_ck over the listed indices (all K when `present` is null). */
function quadraticForm(
  delta: SquareMatrix,
  x: (k: number) => number,
  present: Int32Array | null,
  used: number,
): number {
  const K = delta.size;
  let acc = 0;
  for (let i = 0; i < used; i++) {
    const c = present ? present[i]! : i;
    const xc = x(c);
    if (xc === 0) continue;
    for (let j = 0; j < used; j++) {
      const k = present ? present[j]! : j;
      acc += xc * x(k) * delta.data[c * K + k]!;
    }
  }
  return acc;
}

export function krippendorffAlpha(counts: UnitCounts, distance: AlphaDistance): number | undefined {
  return evaluateStatistic(counts.nUnits, krippendorffAlphaStatistic(counts, distance));
}
