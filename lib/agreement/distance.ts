import type { Category, Level, SquareMatrix } from "./types";
import { squareMatrix } from "./types";

/**
 * Krippendorff's difference functions δ²_ck (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"). Nominal and interval get closed forms so α stays O(K) per bootstrap
 * replicate even with many distinct interval values; ordinal depends on the marginal frequencies
 * and is therefore recomputed from each replicate's marginals.
 */
export type AlphaDistance =
  | { readonly kind: "nominal" }
  | { readonly kind: "ordinal" }
  | { readonly kind: "interval"; readonly values: Float64Array }
  | { readonly kind: "matrix"; readonly delta: SquareMatrix };

export function ratioDistanceMatrix(values: readonly number[]): SquareMatrix {
  return squareMatrix(
    values.map((c) =>
      values.map((k) => {
        // Ratio values are non-negative; c + k = 0 only when both are 0, and then they agree.
        const s = c + k;
        return s === 0 ? 0 : ((c - k) / s) ** 2;
      }),
    ),
  );
}

/**
 * Ordinal δ²: (Σ_{g=c}^{k} n_g − (n_c + n_k)/2)², with categories in their declared/sorted order.
 * Returns the full K×K matrix for the given marginals n_g.
 */
export function ordinalDistanceMatrix(marginals: ArrayLike<number>): SquareMatrix {
  const K = marginals.length;
  const prefix = new Float64Array(K + 1);
  for (let g = 0; g < K; g++) prefix[g + 1] = prefix[g]! + marginals[g]!;
  const data = new Float64Array(K * K);
  for (let c = 0; c < K; c++) {
    for (let k = c + 1; k < K; k++) {
      const d = prefix[k + 1]! - prefix[c]! - (marginals[c]! + marginals[k]!) / 2;
      data[c * K + k] = d * d;
      data[k * K + c] = d * d;
    }
  }
  return { size: K, data };
}

function numericValues(categories: readonly Category[], level: Level): number[] {
  return categories.map((c) => {
    if (typeof c !== "number") throw new RangeError(`${level} level needs numeric categories, got ${JSON.stringify(c)}`);
    return c;
  });
}

/** The distance α uses for this input: a custom disagreement matrix wins over the level. */
export function alphaDistance(
  level: Level,
  categories: readonly Category[],
  weights?: readonly (readonly number[])[],
): AlphaDistance {
  if (weights) return { kind: "matrix", delta: squareMatrix(weights) };
  switch (level) {
    case "nominal":
      return { kind: "nominal" };
    case "ordinal":
      return { kind: "ordinal" };
    case "interval": {
      // δ² = (c − k)² ignores a common shift; centring keeps the moment formulas in krippendorff.ts
      // from cancelling catastrophically when codes are large numbers close together.
      const values = numericValues(categories, level);
      const mid = values.length > 0 ? (Math.min(...values) + Math.max(...values)) / 2 : 0;
      return { kind: "interval", values: Float64Array.from(values, (v) => v - mid) };
    }
    case "ratio":
      return { kind: "matrix", delta: ratioDistanceMatrix(numericValues(categories, level)) };
  }
}
