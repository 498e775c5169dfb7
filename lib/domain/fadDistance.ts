import { DIMENSIONS, POLARITIES, type Dimension, type Polarity } from "./codebook";

/**
 * The form-aware distance of the FAD pooled view.
 *
 * A FAD code is a dimension × polarity pair. Two coders who both see *cognition* in a turn but read it
 * as flexible vs inflexible agree on what the turn is about and differ on its pole; two coders who see
 * *cognition* vs *self* differ on what the turn is about. The first is a smaller disagreement, so on the
 * 13 categories {none, 6 dimensions × 2 poles}:
 *
 *   δ(a, a)                          = 0
 *   δ(same dimension, opposite pole) = 0.5   (OPPOSITE_POLE_DISTANCE)
 *   δ(another dimension, any pole)   = 1     (OTHER_DIMENSION_DISTANCE)
 *   δ(none, any code)                = 1     (NONE_DISTANCE: seeing a process vs seeing none is a full miss)
 *
 * The values are used as Krippendorff's δ² (and as the disagreement weights of weighted κ) directly, as
 * lib/agreement takes a custom `weights` matrix.
 *
 * Multi-code turns. PRODUCT: one utterance can carry several codes (inflexible self *and* cognition,
 * flexible overt behaviour), so a coder's value for a turn is a **set** of codes, not one label. The
 * pooled view therefore treats each distinct code set as a category (the approach of Passonneau's MASI
 * for set-valued annotation, 2006) and lifts the 13-category δ to sets by optimal matching:
 *
 *   δ(S, T) = min over one-to-one matchings of S and T, the smaller set padded with "none", of
 *             Σ δ(matched pair) / max(|S|, |T|);   δ(∅, ∅) = 0.
 *
 * So δ is in [0, 1], symmetric, 0 exactly when S = T, and for single codes it is the 13×13 matrix
 * above: {cog·I} vs {cog·F} = 0.5, {cog·I} vs {self·I} = 1, {cog·I, self·I} vs {cog·I} = 0.5 (one of
 * two slots missed), {cog·I, self·I} vs {cog·F, self·I} = 0.25. Because δ takes only 0, 0.5 and 1 and
 * a set holds each code once, the optimal matching is found greedily (identical codes first — an
 * exchange argument shows this never loses — then at most one opposite-pole pair per dimension; all
 * remaining slots cost 1 whether matched across dimensions or against "none").
 *
 * Only α (and weighted κ for two coders) use δ. The chance-corrected exact-match statistics of the
 * pooled variable (po, κ, π, AC1, Brennan–Prediger) treat two different sets as plain disagreement;
 * the per-code view of the same data is the twelve presence variables.
 */

export type FadCode = `${Dimension}.${Polarity}`;

export const NO_CODE = "none";
export type FadCategory = FadCode | typeof NO_CODE;

export const OPPOSITE_POLE_DISTANCE = 0.5;
export const OTHER_DIMENSION_DISTANCE = 1;
export const NONE_DISTANCE = 1;

/** The 12 codes in codebook order: dimension-major, flexible before inflexible. */
export const FAD_CODES: readonly FadCode[] = DIMENSIONS.flatMap((d) => POLARITIES.map((p): FadCode => `${d}.${p}`));

/** The 13 categories of the distance matrix: "none" first, then the 12 codes. */
export const FAD_CATEGORIES: readonly FadCategory[] = [NO_CODE, ...FAD_CODES];

export function fadCode(dimension: Dimension, polarity: Polarity): FadCode {
  return `${dimension}.${polarity}`;
}

export function splitCode(code: FadCode): { dimension: Dimension; polarity: Polarity } {
  const dot = code.indexOf(".");
  return { dimension: code.slice(0, dot) as Dimension, polarity: code.slice(dot + 1) as Polarity };
}

const CODE_ORDER: ReadonlyMap<string, number> = new Map(FAD_CODES.map((c, i) => [c, i]));

export function isFadCode(value: string): value is FadCode {
  return CODE_ORDER.has(value);
}

/** δ between two of the 13 categories. */
export function categoryDistance(a: FadCategory, b: FadCategory): number {
  if (a === b) return 0;
  if (a === NO_CODE || b === NO_CODE) return NONE_DISTANCE;
  return splitCode(a).dimension === splitCode(b).dimension ? OPPOSITE_POLE_DISTANCE : OTHER_DIMENSION_DISTANCE;
}

/** The 13×13 matrix over FAD_CATEGORIES (row/column order as listed there). */
export const FAD_DISTANCE_MATRIX: readonly (readonly number[])[] = FAD_CATEGORIES.map((a) => FAD_CATEGORIES.map((b) => categoryDistance(a, b)));

/** Codes sorted in codebook order without duplicates: the canonical form of a coder's codes on one turn. */
export function canonicalCodeSet(codes: Iterable<FadCode>): FadCode[] {
  return [...new Set(codes)].sort((a, b) => CODE_ORDER.get(a)! - CODE_ORDER.get(b)!);
}

/** A code set as one category label: "none" for the empty set, else the codes joined by "+". */
export function codeSetLabel(codes: readonly FadCode[]): string {
  return codes.length === 0 ? NO_CODE : canonicalCodeSet(codes).join("+");
}

export function parseCodeSetLabel(label: string): FadCode[] {
  if (label === NO_CODE) return [];
  const parts = label.split("+");
  if (!parts.every(isFadCode)) throw new RangeError(`not a FAD code set label: ${JSON.stringify(label)}`);
  return canonicalCodeSet(parts);
}

/** A code set as a 12-bit mask: bit i is FAD_CODES[i] (dimension d's flexible bit 2d, inflexible bit 2d + 1). */
export function codeSetMask(codes: Iterable<FadCode>): number {
  let mask = 0;
  for (const code of codes) mask |= 1 << CODE_ORDER.get(code)!;
  return mask;
}

export function maskCodes(mask: number): FadCode[] {
  return FAD_CODES.filter((_, i) => (mask >> i) & 1);
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

const FLEXIBLE_BITS = 0b010101010101;

/** δ between two code-set masks (see the file comment); the bit form of codeSetDistance. */
export function maskDistance(a: number, b: number): number {
  if (a === b) return 0;
  const slots = Math.max(popcount(a), popcount(b));
  const exact = popcount(a & b);
  const leftOnly = a & ~b;
  const rightOnly = b & ~a;
  // Opposite poles of one dimension: a flexible bit on one side next to the inflexible bit on the other.
  const half = popcount(((leftOnly & FLEXIBLE_BITS) & ((rightOnly >> 1) & FLEXIBLE_BITS)) | ((rightOnly & FLEXIBLE_BITS) & ((leftOnly >> 1) & FLEXIBLE_BITS)));
  return (slots - exact - half * (1 - OPPOSITE_POLE_DISTANCE)) / slots;
}

/** δ(S, T) by optimal matching (see the file comment). */
export function codeSetDistance(a: readonly FadCode[], b: readonly FadCode[]): number {
  return maskDistance(codeSetMask(a), codeSetMask(b));
}

const LABELS = new Map<number, string>();

/** codeSetLabel of a mask, cached (there are at most 4,096). */
export function maskLabel(mask: number): string {
  let label = LABELS.get(mask);
  if (label === undefined) {
    label = mask === 0 ? NO_CODE : maskCodes(mask).join("+");
    LABELS.set(mask, label);
  }
  return label;
}

/** The disagreement matrix over code-set labels (in the given order), for computeAgreement's `weights`. */
export function codeSetDistanceMatrix(labels: readonly string[]): number[][] {
  const masks = labels.map((label) => codeSetMask(parseCodeSetLabel(label)));
  return masks.map((s) => masks.map((t) => maskDistance(s, t)));
}
