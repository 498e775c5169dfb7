import { DIMENSIONS, type Dimension, type Polarity, codeLabel } from "@/lib/domain/codebook";
import { FAD_CODES, splitCode } from "@/lib/domain/fadDistance";
import { type HotspotOrder, reviewOrder, turnInvolves } from "@/lib/domain/groupReview";
import type { GroupReviewPayload, ReviewTurn } from "@/lib/review/groupReviewTypes";

/**
 * What the group review draws from the server's payload: the turns in review order (hotspots or
 * transcript order, optionally one dimension), and per turn one bar per code — the class's count, the
 * key's mark and, when names are shown, who gave it.
 */

export interface CodeBar {
  bit: number;
  dimension: Dimension;
  polarity: Polarity;
  label: string;
  count: number;
  inKey: boolean;
  /** Names of the coders who gave it (empty when names are hidden or not available). */
  names: string[];
}

export function codeOfBit(bit: number): { dimension: Dimension; polarity: Polarity } {
  return splitCode(FAD_CODES[bit]!);
}

export function maskBits(mask: number | null | undefined): number[] {
  if (mask === null || mask === undefined || mask < 0) return [];
  return FAD_CODES.flatMap((_, bit) => ((mask >> bit) & 1 ? [bit] : []));
}

/** The bars of a turn: every code a coder or the key gave (only the dimension's two with a filter), biggest first. */
export function codeBars(turn: ReviewTurn, cohort: GroupReviewPayload["cohort"], showNames: boolean, dimension: number | null): CodeBar[] {
  const bars: CodeBar[] = [];
  FAD_CODES.forEach((_, bit) => {
    if (dimension !== null && bit >> 1 !== dimension) return;
    const count = turn.counts[bit] ?? 0;
    const inKey = turn.key !== null && ((turn.key >> bit) & 1) === 1;
    if (count === 0 && !inKey) return;
    const { dimension: d, polarity } = codeOfBit(bit);
    const names = showNames ? (turn.coders?.[bit] ?? []).map((i) => cohort[i]?.name ?? "").filter(Boolean) : [];
    bars.push({ bit, dimension: d, polarity, label: codeLabel(d, polarity), count, inKey, names });
  });
  return bars.sort((a, b) => b.count - a.count || a.bit - b.bit);
}

/** Turns to show, in order: with a dimension filter, only turns where someone (or the key) used it. */
export function orderedTurns(turns: readonly ReviewTurn[], order: HotspotOrder, dimension: number | null): ReviewTurn[] {
  return reviewOrder(turns, order, dimension)
    .map((i) => turns[i]!)
    .filter((t) => dimension === null || turnInvolves(t, dimension));
}

/** The turn's disagreement as a percentage for people ("—" where fewer than two coders looked). */
export function disagreementText(turn: ReviewTurn, dimension: number | null): string {
  const value = dimension === null ? turn.disagreement : (turn.byDimension[dimension] ?? null);
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

export function disagreementValue(turn: ReviewTurn, dimension: number | null): number | null {
  return dimension === null ? turn.disagreement : (turn.byDimension[dimension] ?? null);
}

/** A turn is a hotspot when a third or more of the pairs of coders differ on it. */
export const HOTSPOT_THRESHOLD = 1 / 3;

export function dimensionIndex(d: Dimension): number {
  return DIMENSIONS.indexOf(d);
}

/** Codes a settlement starts from: the key's, or, without a key, those more than half the class gave. */
export function suggestedCodes(turn: ReviewTurn): number[] {
  if (turn.key !== null) return maskBits(turn.key);
  return FAD_CODES.flatMap((_, bit) => ((turn.counts[bit] ?? 0) * 2 > turn.looked ? [bit] : []));
}
