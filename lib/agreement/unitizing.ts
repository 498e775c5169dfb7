import { inferCategories } from "./categories";
import type { Category, Span } from "./types";

/**
 * Krippendorff's unitizing α (u-α) for spans on a continuum (Krippendorff 1995, "On the reliability
 * of unitizing continuous data"; 2004, Content Analysis 2nd ed. §12.4; as implemented in DKPro
 * Statistics). Per category c each coder's continuum is cut into segments: their units of c and the
 * gaps between them. Positions are whole numbers (characters or time ticks), which the expected
 * disagreement's (l − 1) and (g − l + 1) terms assume.
 */

export interface Continuum {
  readonly begin: number;
  readonly length: number;
}

export interface Segment {
  readonly begin: number;
  readonly length: number;
  /** true for a unit of the category, false for a gap. */
  readonly unit: boolean;
}

export interface CategoryUnitizing {
  readonly category: Category;
  readonly observed: number;
  readonly expected: number;
  readonly alpha: number | undefined;
}

export interface UnitizingAlpha {
  readonly alpha: number | undefined;
  readonly byCategory: readonly CategoryUnitizing[];
}

/** One coder's partition of the continuum for one category. Throws if their units of it overlap. */
export function segmentsFor(continuum: Continuum, spans: readonly Span[], category: Category): Segment[] {
  const units = spans.filter((s) => s[2] === category).sort((a, b) => a[0] - b[0]);
  const end = continuum.begin + continuum.length;
  const segments: Segment[] = [];
  let pos = continuum.begin;
  for (const [begin, length] of units) {
    if (begin < pos) throw new RangeError(`spans of category ${JSON.stringify(category)} overlap at ${begin}`);
    if (begin + length > end) throw new RangeError(`span [${begin}, ${begin + length}) ends after the continuum`);
    if (begin > pos) segments.push({ begin: pos, length: begin - pos, unit: false });
    segments.push({ begin, length, unit: true });
    pos = begin + length;
  }
  if (pos < end) segments.push({ begin: pos, length: end - pos, unit: false });
  return segments;
}

/**
 * δ² between overlapping segments g and h of two coders: for two units the squared differences of
 * their begins and ends; for a unit inside a gap of the other coder the unit's length squared;
 * otherwise 0 (a unit that only partly overlaps a gap is already charged through the unit pair).
 */
export function segmentDistance(g: Segment, h: Segment): number {
  if (g.unit && h.unit) {
    const db = g.begin - h.begin;
    const de = g.begin + g.length - (h.begin + h.length);
    return db * db + de * de;
  }
  if (g.unit && !h.unit && h.begin <= g.begin && g.begin + g.length <= h.begin + h.length) return g.length * g.length;
  if (!g.unit && h.unit && g.begin <= h.begin && h.begin + h.length <= g.begin + g.length) return h.length * h.length;
  return 0;
}

/** Σ δ² over every overlapping pair of segments, found by sweeping both partitions once. */
function pairDisagreement(a: readonly Segment[], b: readonly Segment[]): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.length && j < b.length) {
    const g = a[i]!;
    const h = b[j]!;
    sum += segmentDistance(g, h);
    const endG = g.begin + g.length;
    const endH = h.begin + h.length;
    if (endG <= endH) i++;
    if (endH <= endG) j++;
  }
  return sum;
}

/** uD_oc = Σ_{i≠j} Σ_g Σ_h δ²_{igjh} / (m(m − 1) L²). */
export function observedUnitizingDisagreement(continuum: Continuum, partitions: readonly (readonly Segment[])[]): number {
  const m = partitions.length;
  if (m < 2) return 0;
  let sum = 0;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) sum += pairDisagreement(partitions[i]!, partitions[j]!);
  const L = continuum.length;
  // δ² is symmetric, so ordered pairs are twice the unordered ones.
  return (2 * sum) / (m * (m - 1) * L * L);
}

/**
 * uD_ec = (2/L) Σ_units [ (N_c − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps g ≥ l} (g − l + 1) ]
 *         / (mL(mL − 1) − Σ_units l(l − 1)),
 * with N_c the number of units of c over all coders and the gaps of all coders. Gaps are sorted once
 * so each unit's gap sum is a binary search plus a suffix sum.
 */
export function expectedUnitizingDisagreement(continuum: Continuum, partitions: readonly (readonly Segment[])[]): number {
  const m = partitions.length;
  const L = continuum.length;
  const units: number[] = [];
  const gaps: number[] = [];
  for (const segments of partitions) for (const s of segments) (s.unit ? units : gaps).push(s.length);
  const N = units.length;
  if (N === 0) return 0;
  gaps.sort((x, y) => x - y);
  const suffix = new Float64Array(gaps.length + 1);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + gaps[k]!;

  let numerator = 0;
  let selfPairs = 0;
  for (const l of units) {
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (gaps[mid]! >= l) hi = mid;
      else lo = mid + 1;
    }
    const count = gaps.length - lo;
    const gapTerm = suffix[lo]! - (l - 1) * count;
    numerator += ((N - 1) * (2 * l * l * l - 3 * l * l + l)) / 3 + l * l * gapTerm;
    selfPairs += l * (l - 1);
  }
  const denominator = m * L * (m * L - 1) - selfPairs;
  return denominator > 0 ? ((2 / L) * numerator) / denominator : 0;
}

/**
 * u-α per category and overall; overall pools the disagreements: 1 − Σ_c uD_oc / Σ_c uD_ec.
 * Every coder counts, including one who marked no span of a category (their continuum is one gap).
 */
export function krippendorffUnitizingAlpha(
  continuum: Continuum,
  spansByCoder: readonly (readonly Span[])[],
  categories: readonly Category[] = inferCategories(spansByCoder.flatMap((spans) => spans.map((s) => s[2]))),
): UnitizingAlpha {
  let observedTotal = 0;
  let expectedTotal = 0;
  const byCategory = categories.map((category) => {
    const partitions = spansByCoder.map((spans) => segmentsFor(continuum, spans, category));
    const observed = observedUnitizingDisagreement(continuum, partitions);
    const expected = expectedUnitizingDisagreement(continuum, partitions);
    observedTotal += observed;
    expectedTotal += expected;
    return { category, observed, expected, alpha: expected > 0 ? 1 - observed / expected : undefined };
  });
  return { alpha: expectedTotal > 0 ? 1 - observedTotal / expectedTotal : undefined, byCategory };
}
