import type { SquareMatrix } from "./types";

/**
 * Cohen's κ from a two-coder K×K table of counts. Unweighted κ (Cohen 1960) is weighted κ
 * (Cohen 1968) with the nominal disagreement matrix, so one formula serves both:
 *   κ_w = 1 − Σ_ij v_ij p_ij / Σ_ij v_ij p_i· p_·j,   v = disagreement weights (0 on the diagonal).
 * Undefined when no unit was coded by both or when chance disagreement is zero.
 */
export function weightedKappa(table: ArrayLike<number>, disagreement: SquareMatrix): number | undefined {
  const K = disagreement.size;
  if (table.length !== K * K) throw new RangeError(`table has ${table.length} cells, expected ${K * K}`);
  const rows = new Float64Array(K);
  const cols = new Float64Array(K);
  let n = 0;
  let observed = 0;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      const x = table[i * K + j]!;
      rows[i]! += x;
      cols[j]! += x;
      n += x;
      observed += x * disagreement.data[i * K + j]!;
    }
  }
  if (n === 0) return undefined;
  let expected = 0;
  for (let i = 0; i < K; i++) {
    if (rows[i] === 0) continue;
    for (let j = 0; j < K; j++) expected += rows[i]! * cols[j]! * disagreement.data[i * K + j]!;
  }
  if (!(expected > 0)) return undefined;
  // Both sums are over counts; rescaling observed by n turns them into the same proportions.
  return 1 - (observed * n) / expected;
}

export function nominalDisagreement(K: number): SquareMatrix {
  const data = new Float64Array(K * K).fill(1);
  for (let i = 0; i < K; i++) data[i * K + i] = 0;
  return { size: K, data };
}

/** |s_i − s_j|: linear weights (Cicchetti & Allison 1971); the scale cancels out of κ_w. */
export function linearDisagreement(scores: readonly number[]): SquareMatrix {
  return scoreDisagreement(scores, (d) => Math.abs(d));
}

/** (s_i − s_j)²: quadratic weights (Fleiss & Cohen 1973). */
export function quadraticDisagreement(scores: readonly number[]): SquareMatrix {
  return scoreDisagreement(scores, (d) => d * d);
}

function scoreDisagreement(scores: readonly number[], f: (d: number) => number): SquareMatrix {
  const K = scores.length;
  const data = new Float64Array(K * K);
  for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) data[i * K + j] = f(scores[i]! - scores[j]!);
  return { size: K, data };
}

export function cohenKappa(table: ArrayLike<number>, K: number): number | undefined {
  return weightedKappa(table, nominalDisagreement(K));
}
