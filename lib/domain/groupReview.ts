import { DIMENSIONS } from "./codebook";
import { FAD_CODES, maskDistance } from "./fadDistance";
import { MISSING_MASK } from "./fadUnits";

/**
 * A whole class's coding of one exercise, turn by turn, for review after the reveal: per unit turn, how
 * many coders gave each of the 12 codes, what the key gave, and how much the coders disagree there.
 * Built on the server from a stored run's unit masks (one number per coder and unit), so a page for 100
 * coders is a few kilobytes of counts, not 100 layers.
 *
 * The cohort is every compared coder except the key: the key is the reference the class is read
 * against, so it is shown beside the distribution and never counted in it.
 *
 * Disagreement of a turn: the mean, over all pairs of cohort coders who looked at the turn, of the
 * pooled view's form-aware distance between their code sets (lib/domain/fadDistance: same set 0, same
 * dimension at the other pole 0.5, another dimension or nothing vs something 1; multi-code sets
 * matched slot by slot). It is the per-unit observed disagreement behind the pooled α, so the turns
 * that pull α down most are exactly the hotspots. Per dimension, the same over the dimension's value
 * (none / flexible / inflexible / both), each difference counting 1.
 */

export interface GroupReviewInput {
  /** Unit turn ids in transcript order. */
  units: readonly string[];
  /** Compared coder ids, in the order the output should index them. */
  coders: readonly string[];
  /** coder → mask per unit (−1 = not looked at). */
  masks: Readonly<Record<string, ArrayLike<number>>>;
  keyCoderId: string | null;
  /** Keep, per turn and code, the indices of the coders who gave it (for showing names). */
  withCoders: boolean;
}

export interface TurnDistribution {
  turnId: string;
  /** Cohort coders who looked at the turn (reviewed or coded it). */
  looked: number;
  /** Per FAD code (FAD_CODES order): cohort coders who gave it. */
  counts: number[];
  /** Cohort coders who looked at the turn and gave no code. */
  none: number;
  /** The key's code set on the turn; null without a key or where the key did not look at it. */
  key: number | null;
  /** Cohort coders whose code set equals the key's exactly (0 without a key). */
  matchKey: number;
  /** Mean pairwise form-aware distance among cohort coders, 0–1; null with fewer than two who looked. */
  disagreement: number | null;
  /** Per dimension (DIMENSIONS order), the same over the dimension's value; null entries likewise. */
  byDimension: Array<number | null>;
  /** Per FAD code: indices into `cohort` of the coders who gave it; present only when asked for. */
  coders?: number[][];
  /** Indices into `cohort` of coders who looked at the turn and gave no code; present only when asked for. */
  noneCoders?: number[];
}

export interface GroupReview {
  /** Cohort coder ids (the compared coders minus the key), in input order. */
  cohort: string[];
  keyCoderId: string | null;
  turns: TurnDistribution[];
}

/** Mean pairwise distance from value counts: Σ over distinct value pairs cᵢ·cⱼ·δ(i, j) / C(n, 2). */
function meanPairDistance<T>(counts: ReadonlyMap<T, number>, distance: (a: T, b: T) => number): number | null {
  let n = 0;
  for (const c of counts.values()) n += c;
  if (n < 2) return null;
  const values = [...counts.entries()];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) sum += values[i]![1] * values[j]![1] * distance(values[i]![0], values[j]![0]);
  }
  return sum / ((n * (n - 1)) / 2);
}

function bump<T>(map: Map<T, number>, key: T): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function buildGroupReview(input: GroupReviewInput): GroupReview {
  const key = input.keyCoderId !== null && input.coders.includes(input.keyCoderId) ? input.keyCoderId : null;
  const cohort = input.coders.filter((c) => c !== key);
  const columns = cohort.map((c) => input.masks[c]);
  const keyColumn = key === null ? null : input.masks[key];
  const turns = input.units.map((turnId, u): TurnDistribution => {
    const counts = new Array<number>(FAD_CODES.length).fill(0);
    const who: number[][] | undefined = input.withCoders ? FAD_CODES.map(() => []) : undefined;
    const noneWho: number[] | undefined = input.withCoders ? [] : undefined;
    const sets = new Map<number, number>();
    const dims = DIMENSIONS.map(() => new Map<number, number>());
    const keyMask = keyColumn ? (keyColumn[u] ?? MISSING_MASK) : MISSING_MASK;
    let looked = 0;
    let none = 0;
    let matchKey = 0;
    columns.forEach((column, c) => {
      const mask = column?.[u] ?? MISSING_MASK;
      if (mask === MISSING_MASK) return;
      looked++;
      bump(sets, mask);
      DIMENSIONS.forEach((_, d) => bump(dims[d]!, (mask >> (2 * d)) & 3));
      if (mask === keyMask) matchKey++;
      if (mask === 0) {
        none++;
        noneWho?.push(c);
      }
      for (let bit = 0; bit < FAD_CODES.length; bit++) {
        if ((mask >> bit) & 1) {
          counts[bit]!++;
          who?.[bit]!.push(c);
        }
      }
    });
    return {
      turnId,
      looked,
      counts,
      none,
      key: keyMask === MISSING_MASK ? null : keyMask,
      matchKey,
      disagreement: meanPairDistance(sets, maskDistance),
      byDimension: dims.map((m) => meanPairDistance(m, (a, b) => (a === b ? 0 : 1))),
      ...(who ? { coders: who, noneCoders: noneWho } : {}),
    };
  });
  return { cohort, keyCoderId: key, turns };
}

export type HotspotOrder = "disagreement" | "turn";

/**
 * Turn indices (into `turns`) in review order: by disagreement, highest first (on one dimension when
 * given; turns without a value last), ties in transcript order; or simply in transcript order.
 */
export function reviewOrder(turns: readonly TurnDistribution[], order: HotspotOrder, dimension: number | null = null): number[] {
  const indices = turns.map((_, i) => i);
  if (order === "turn") return indices;
  const score = (t: TurnDistribution) => (dimension === null ? t.disagreement : (t.byDimension[dimension] ?? null)) ?? -1;
  return indices.sort((a, b) => score(turns[b]!) - score(turns[a]!) || a - b);
}

/** Whether the dimension appears on the turn at all: some cohort coder or the key gave one of its codes. */
export function turnInvolves(turn: TurnDistribution, dimension: number): boolean {
  const bits = 3 << (2 * dimension);
  return (turn.counts[2 * dimension] ?? 0) + (turn.counts[2 * dimension + 1] ?? 0) > 0 || (turn.key !== null && (turn.key & bits) !== 0);
}
