import { DIMENSIONS, type Dimension } from "@/lib/domain/codebook";
import { FAD_CODES, type FadCode, maskCodes, splitCode } from "@/lib/domain/fadDistance";
import type { CoderMasks } from "./agreementData";

/**
 * What the timeline and the confusion matrix read from the unit data: per turn × dimension, each coder's
 * value (the run's dimension variable: none / flexible / inflexible / both, or missing where the coder
 * has not looked at the turn); disagreements; and a pair's code-by-code confusion counts.
 */

export const MISSING = -1;

export type CellValue = "missing" | "none" | "flexible" | "inflexible" | "both";

const DIMENSION_VALUES: readonly CellValue[] = ["none", "flexible", "inflexible", "both"];

export function cellValue(mask: number, dimension: Dimension): CellValue {
  if (mask === MISSING || mask === undefined) return "missing";
  return DIMENSION_VALUES[(mask >> (2 * DIMENSIONS.indexOf(dimension))) & 3]!;
}

/** Coders who looked at the turn disagree on the dimension (two or more of them, not all the same value). */
export function disagrees(coders: readonly CoderMasks[], turn: number, dimension: Dimension): boolean {
  let seen: CellValue | null = null;
  for (const c of coders) {
    const v = cellValue(c.masks[turn] ?? MISSING, dimension);
    if (v === "missing") continue;
    if (seen === null) seen = v;
    else if (v !== seen) return true;
  }
  return false;
}

export interface TurnDisagreement {
  turn: number;
  dimensions: Dimension[];
}

/** Per turn, the dimensions on which the given coders disagree (turns without any are left out). */
export function disagreementsByTurn(coders: readonly CoderMasks[], turns: number): TurnDisagreement[] {
  const out: TurnDisagreement[] = [];
  for (let t = 0; t < turns; t++) {
    const dims = DIMENSIONS.filter((d) => disagrees(coders, t, d));
    if (dims.length > 0) out.push({ turn: t, dimensions: dims });
  }
  return out;
}

/**
 * Hotspots: the turns with the most disagreeing dimensions — at least two, or the single worst turns
 * when no turn has two — at most `limit`, in transcript order.
 */
export function hotspots(disagreements: readonly TurnDisagreement[], limit = 5): number[] {
  if (disagreements.length === 0) return [];
  const ranked = [...disagreements].sort((a, b) => b.dimensions.length - a.dimensions.length || a.turn - b.turn);
  const strong = ranked.filter((d) => d.dimensions.length >= 2);
  const chosen = strong.length > 0 ? strong : ranked;
  return chosen
    .slice(0, limit)
    .map((d) => d.turn)
    .sort((a, b) => a - b);
}

/** "No code" is the 13th row and column of the confusion matrix. */
export const NO_CODE_LABEL = "none";
export type ConfusionCategory = FadCode | typeof NO_CODE_LABEL;
export const CONFUSION_CATEGORIES: readonly ConfusionCategory[] = [...FAD_CODES, NO_CODE_LABEL];

export interface Confusion {
  categories: readonly ConfusionCategory[];
  /** counts[row][column]: row = coder A's code, column = coder B's. */
  counts: number[][];
  /** Turns both coders looked at. */
  turns: number;
  /** Of those, turns where their code sets are identical. */
  agreedTurns: number;
}

function opposite(code: FadCode): FadCode {
  const { dimension, polarity } = splitCode(code);
  return `${dimension}.${polarity === "flexible" ? "inflexible" : "flexible"}`;
}

/**
 * Code-by-code confusion of two coders over the turns both looked at. A turn's codes are matched as the
 * pooled distance matches them (lib/domain/fadDistance): identical codes first (the diagonal), then the
 * same dimension at the other pole, then the remaining codes pairwise in codebook order; a code left
 * over is counted against "none" (one coder saw a process, the other none). A turn neither coded counts
 * once in none × none.
 */
export function confusion(a: CoderMasks, b: CoderMasks): Confusion {
  const index = new Map<ConfusionCategory, number>(CONFUSION_CATEGORIES.map((c, i) => [c, i]));
  const size = CONFUSION_CATEGORIES.length;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const none = index.get(NO_CODE_LABEL)!;
  const add = (row: ConfusionCategory, column: ConfusionCategory) => {
    counts[index.get(row)!]![index.get(column)!]! += 1;
  };
  let turns = 0;
  let agreedTurns = 0;
  const n = Math.min(a.masks.length, b.masks.length);
  for (let t = 0; t < n; t++) {
    const ma = a.masks[t]!;
    const mb = b.masks[t]!;
    if (ma === MISSING || mb === MISSING) continue;
    turns++;
    if (ma === mb) agreedTurns++;
    if (ma === 0 && mb === 0) {
      counts[none]![none]! += 1;
      continue;
    }
    for (const code of maskCodes(ma & mb)) add(code, code);
    let onlyA = maskCodes(ma & ~mb);
    let onlyB = maskCodes(mb & ~ma);
    for (const code of [...onlyA]) {
      const other = opposite(code);
      if (onlyB.includes(other)) {
        add(code, other);
        onlyA = onlyA.filter((c) => c !== code);
        onlyB = onlyB.filter((c) => c !== other);
      }
    }
    const paired = Math.min(onlyA.length, onlyB.length);
    for (let i = 0; i < paired; i++) add(onlyA[i]!, onlyB[i]!);
    for (const code of onlyA.slice(paired)) add(code, NO_CODE_LABEL);
    for (const code of onlyB.slice(paired)) add(NO_CODE_LABEL, code);
  }
  return { categories: CONFUSION_CATEGORIES, counts, turns, agreedTurns };
}

export interface ConfusionCell {
  row: ConfusionCategory;
  column: ConfusionCategory;
  count: number;
}

/** The off-diagonal cells, largest first: "what gets confused with what". */
export function topConfusions(c: Confusion, limit = 4): ConfusionCell[] {
  const cells: ConfusionCell[] = [];
  c.counts.forEach((row, i) =>
    row.forEach((count, j) => {
      if (i !== j && count > 0) cells.push({ row: c.categories[i]!, column: c.categories[j]!, count });
    }),
  );
  return cells.sort((x, y) => y.count - x.count).slice(0, limit);
}
