import { classSummary } from "@/lib/agreement/classSummary";
import { DIMENSIONS } from "@/lib/domain/codebook";
import { type BandScheme, formatCoefficient } from "@/lib/domain/bands";
import { HEADLINE_STATISTIC_IDS, type HeadlineStatistic, STATISTIC_NAMES, formatPercent, statisticKey } from "@/lib/domain/headline";
import type { AgreementData, AgreementResultData } from "./agreementData";

/**
 * The agreement page for a class (issue 8 item 4): above COHORT_VIEW_MIN_CODERS compared coders the page
 * does not send every pair (100 coders = 4,950 pairs) or every trainee's full result against the key; it
 * sends this compact model — per coder, four statistics on the dimension and pooled variables, against the
 * key and on average with the other coders, and the distribution of all pairs — and loads one coder's
 * pairs, or one pair's confusion and timeline, on demand (GET /api/exercises/:id/agreement/detail).
 *
 * Values are rounded to 4 decimals (formatCoefficient prints 2, at most 4 at a band boundary). Arrays,
 * not objects, keep the page small: values[v][s] is variable COHORT_VARIABLES[v], statistic
 * HEADLINE_STATISTIC_IDS[s]; null = not defined.
 */

export { COHORT_VIEW_MIN_CODERS } from "@/lib/agreement/runSchema";

export const COHORT_VARIABLES: readonly string[] = [...DIMENSIONS, "pooled"];

export type Grid = Array<Array<number | null>>;

export interface CohortCoder {
  id: string;
  name: string;
  /** Against the key coder; null for the key coder and coders without a key pair. */
  vsKey: Grid | null;
  /** Turns both this coder and the key looked at. */
  keyUnits: number;
  /** Mean over this coder's pairs with every other compared coder. */
  withOthers: Grid;
}

export interface CohortModel {
  coders: CohortCoder[];
  /** Histogram of all pairs' values: bins[v][s] = counts over BIN_EDGES. */
  pairBins: number[][][];
  pairCount: number;
}

/** −1 … 1 in 0.1 steps: 20 bins. */
export const BIN_EDGES: readonly number[] = Array.from({ length: 21 }, (_, i) => -1 + i * 0.1);

const round = (v: number): number => Math.round(v * 10_000) / 10_000;

/** Result keys per statistic for two coders and for more (κ is Cohen's or Fleiss'), looked up once: a class has thousands of pairs. */
const KEYS_TWO = HEADLINE_STATISTIC_IDS.map((s) => statisticKey(s, 2).key);
const KEYS_MANY = HEADLINE_STATISTIC_IDS.map((s) => statisticKey(s, 3).key);

function readAt(result: Partial<AgreementResultData> | undefined, si: number): number | null {
  if (!result) return null;
  const raw = result[((result.n_coders ?? 2) > 2 ? KEYS_MANY : KEYS_TWO)[si]!];
  return typeof raw === "number" && Number.isFinite(raw) ? raw : null;
}

function read(result: Partial<AgreementResultData> | undefined, statistic: HeadlineStatistic): number | null {
  return readAt(result, HEADLINE_STATISTIC_IDS.indexOf(statistic));
}

function grid(variables: Readonly<Record<string, Partial<AgreementResultData>>> | undefined): Grid {
  return COHORT_VARIABLES.map((v) => HEADLINE_STATISTIC_IDS.map((s) => {
    const value = read(variables?.[v], s);
    return value === null ? null : round(value);
  }));
}

export function binOf(value: number): number {
  return Math.max(0, Math.min(BIN_EDGES.length - 2, Math.floor((value + 1) / 0.1 + 1e-9)));
}

export function buildCohortModel(data: Pick<AgreementData, "coders" | "comparedCoders" | "keyCoderId" | "pairs" | "vsKey">): CohortModel {
  const names = new Map(data.coders.map((c) => [c.id, c.name]));
  const nv = COHORT_VARIABLES.length;
  const ns = HEADLINE_STATISTIC_IDS.length;
  const sums = new Map(data.comparedCoders.map((id) => [id, { sum: new Float64Array(nv * ns), n: new Uint32Array(nv * ns) }]));
  const bins = COHORT_VARIABLES.map(() => HEADLINE_STATISTIC_IDS.map(() => new Array<number>(BIN_EDGES.length - 1).fill(0)));
  for (const pair of data.pairs) {
    const accA = sums.get(pair.coderA);
    const accB = sums.get(pair.coderB);
    for (let vi = 0; vi < nv; vi++) {
      const result = pair.variables[COHORT_VARIABLES[vi]!];
      if (!result) continue;
      for (let si = 0; si < ns; si++) {
        const value = readAt(result, si);
        if (value === null) continue;
        bins[vi]![si]![binOf(value)]!++;
        const at = vi * ns + si;
        if (accA) {
          accA.sum[at]! += value;
          accA.n[at]!++;
        }
        if (accB) {
          accB.sum[at]! += value;
          accB.n[at]!++;
        }
      }
    }
  }
  const keyRows = new Map(data.vsKey.map((row) => [row.coder, row]));
  const coders = data.comparedCoders.map((id): CohortCoder => {
    const acc = sums.get(id)!;
    const key = keyRows.get(id);
    return {
      id,
      name: names.get(id) ?? id,
      vsKey: key ? grid(key.variables) : null,
      keyUnits: key?.variables.pooled?.n_pairable_units ?? 0,
      withOthers: COHORT_VARIABLES.map((_v, vi) => HEADLINE_STATISTIC_IDS.map((_s, si) => (acc.n[vi * ns + si]! > 0 ? round(acc.sum[vi * ns + si]! / acc.n[vi * ns + si]!) : null))),
    };
  });
  return { coders, pairBins: bins, pairCount: data.pairs.length };
}

/** The value at (variable, statistic) of a grid. */
export function cell(g: Grid | null, variable: string, statistic: HeadlineStatistic): number | null {
  if (!g) return null;
  return g[COHORT_VARIABLES.indexOf(variable)]?.[HEADLINE_STATISTIC_IDS.indexOf(statistic)] ?? null;
}

/** What the page sends for a class instead of every pair: the class summary (lib/agreement/classSummary) without its key rows either. */
export function withoutPairDetail(data: AgreementData): AgreementData {
  return { ...classSummary(data), vsKey: [] };
}

/** A value as the class view prints it: band-safe decimals, or a share for percent agreement. */
export function valueText(value: number | null, statistic: HeadlineStatistic, scheme: BandScheme): string {
  if (value === null) return "—";
  return STATISTIC_NAMES[statistic].chanceCorrected ? formatCoefficient(value, scheme) : formatPercent(value);
}
