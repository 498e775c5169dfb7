import { categoryKey } from "./categories";
import type { ReliabilityData } from "./reliabilityData";
import type { AgreementResult, Category } from "./types";
import type { UnitCounts } from "./unitCounts";

/**
 * Plain-language warnings where the numbers mislead (PRODUCT: "honest numbers"). Thresholds follow
 * common guidance: ≥ 30 units, a category above 90% prevalence, and the kappa paradox of high p_o
 * with low κ/α (Feinstein & Cicchetti 1990; Gwet 2008).
 */
export const MIN_UNITS = 30;
export const DOMINANT_SHARE = 0.9;
export const HIGH_AGREEMENT = 0.8;
export const LOW_COEFFICIENT = 0.4;

/**
 * Thresholds and printed figures read values rounded to 1e-9: the live engine (./liveVariable.ts) sums
 * the same terms in another order, and a po of exactly 0.8 must not be "high" on one path and
 * 0.7999999999999999 on the other.
 */
const settle = (x: number): number => Math.round(x * 1e9) / 1e9;
const fmt = (x: number): string => settle(x).toFixed(3);
const pct = (x: number): string => `${Math.round(settle(x) * 1000) / 10}%`;

/**
 * What the warnings read of the data, gathered once: computeAgreement takes them from the raw data, the
 * live engine (./liveVariable.ts) from its running tables, and both then word them the same way.
 */
export interface WarningFacts {
  readonly categories: readonly Category[];
  /** Units with ≥ 1 value. */
  readonly codedUnits: number;
  /** Σ m_u over units with m_u ≥ 2. */
  readonly pairableValues: number;
  /** Values per category over all units and coders. */
  readonly categoryTotals: ArrayLike<number>;
  /** Per coder, in the data's coder order: units coded, and the one category used when they never varied (−1 otherwise). */
  readonly coders: ReadonlyArray<{ readonly name: string; readonly coded: number; readonly onlyCategory: number }>;
}

export function warningFacts(rd: ReliabilityData, counts: UnitCounts): WarningFacts {
  const K = counts.nCategories;
  let codedUnits = 0;
  let pairableValues = 0;
  const totals = new Float64Array(K);
  for (let u = 0; u < counts.nUnits; u++) {
    const m = counts.totals[u]!;
    if (m >= 1) codedUnits++;
    if (m >= 2) pairableValues += m;
    for (let k = 0; k < K; k++) totals[k]! += counts.counts[u * K + k]!;
  }
  const nCoders = rd.coders.length;
  const coders = rd.coders.map((name, c) => {
    let coded = 0;
    let only = -1;
    let varied = false;
    for (let u = 0; u < rd.nUnits; u++) {
      const k = rd.values[u * nCoders + c]!;
      if (k < 0) continue;
      coded++;
      if (only === -1) only = k;
      else if (k !== only) varied = true;
    }
    return { name, coded, onlyCategory: varied ? -1 : only };
  });
  return { categories: rd.categories, codedUnits, pairableValues, categoryTotals: totals, coders };
}

export function agreementWarnings(rd: ReliabilityData, counts: UnitCounts, result: Omit<AgreementResult, "warnings">): string[] {
  return warningsFromFacts(warningFacts(rd, counts), result);
}

export function warningsFromFacts(facts: WarningFacts, result: Omit<AgreementResult, "warnings">): string[] {
  const warnings: string[] = [];
  const { codedUnits, pairableValues, categoryTotals: totals } = facts;
  const K = facts.categories.length;
  let allValues = 0;
  for (let k = 0; k < K; k++) allValues += totals[k]!;

  // Counted in pairable units (values from two or more coders): only those enter any coefficient, so a
  // count of units with any value at all would overstate what the numbers rest on.
  const pairable = result.n_pairable_units;
  if (pairable === 0) {
    warnings.push("No unit was coded by two or more coders, so there are no pairable values and no agreement can be computed.");
  } else if (pairable < MIN_UNITS) {
    const single = codedUnits - pairable;
    const aside = single > 0 ? `; ${single} more unit${single === 1 ? " has" : "s have"} a value from one coder only and ${single === 1 ? "does" : "do"} not count` : "";
    warnings.push(
      `Only ${pairable} unit${pairable === 1 ? " is" : "s are"} pairable (coded by two or more coders, ${pairableValues} pairable values${aside}); with fewer than ${MIN_UNITS} pairable units the coefficients and their confidence intervals are unstable.`,
    );
  }

  if (allValues > 0) {
    for (let k = 0; k < K; k++) {
      const share = totals[k]! / allValues;
      if (settle(share) > DOMINANT_SHARE) {
        warnings.push(
          `Category "${categoryKey(facts.categories[k]!)}" makes up ${pct(share)} of all codes; when one category dominates, κ and α can be low although coders mostly agree — read them together with AC1 or PABAK.`,
        );
      }
    }
  }

  const po = result.po;
  if (po !== undefined && settle(po) >= HIGH_AGREEMENT) {
    const candidates: [string, number | undefined][] = [
      ["Cohen's κ", result.cohen_kappa],
      ["Fleiss' κ", result.fleiss_kappa],
      ["Krippendorff's α", result.krippendorff_alpha],
    ];
    const low = candidates.filter((entry): entry is [string, number] => entry[1] !== undefined && settle(entry[1]) < LOW_COEFFICIENT);
    if (low.length > 0) {
      const list = low.map(([name, v]) => `${name} = ${fmt(v)}`).join(", ");
      const robust =
        result.gwet_ac1 !== undefined
          ? `Gwet's AC1 (${fmt(result.gwet_ac1)}) is more telling here`
          : result.pabak !== undefined
            ? `PABAK (${fmt(result.pabak)}) is more telling here`
            : "a prevalence-robust coefficient such as AC1 is more telling here";
      warnings.push(
        `Observed agreement is high (po = ${fmt(po)}) but ${list} ${low.length === 1 ? "is" : "are"} low: this is the kappa paradox, which arises when categories are very unevenly used. ${robust}.`,
      );
    }
  }

  for (const { name, coded, onlyCategory } of facts.coders) {
    if (coded === 0) {
      warnings.push(`Coder "${name}" coded no units and adds nothing to any coefficient.`);
    } else if (coded >= 2 && onlyCategory >= 0) {
      warnings.push(
        `Coder "${name}" used only one category ("${categoryKey(facts.categories[onlyCategory]!)}") for all ${coded} units they coded; chance-corrected coefficients cannot credit agreement from codes that never vary.`,
      );
    }
  }
  return warnings;
}

const ONE_CATEGORY_NOTE = /^Coder ".*" used only one category \(".*"\) for all \d+ units they coded; /;
const CODED_NOTHING_NOTE = /^Coder ".*" coded no units and adds nothing to any coefficient\.$/;

/**
 * A class's warnings with the per-coder notes above counted instead of listed: at 100 coders one variable
 * can carry a hundred "used only one category" notes — about 150 KB over a run's variables, on every class
 * page and every pushed summary, and unreadable as a list anyway. A single note keeps its wording (and
 * its coder); other warnings are kept as they are. Matches only the wordings this file produces.
 */
export function condenseCoderWarnings(warnings: readonly string[]): string[] {
  const single: string[] = [];
  const silent: string[] = [];
  const rest: string[] = [];
  for (const w of warnings) {
    if (ONE_CATEGORY_NOTE.test(w)) single.push(w);
    else if (CODED_NOTHING_NOTE.test(w)) silent.push(w);
    else rest.push(w);
  }
  if (single.length === 1) rest.push(single[0]!);
  else if (single.length > 1) {
    rest.push(`${single.length} coders used only one category for all the units they coded; chance-corrected coefficients cannot credit agreement from codes that never vary.`);
  }
  if (silent.length === 1) rest.push(silent[0]!);
  else if (silent.length > 1) rest.push(`${silent.length} coders coded no units and add nothing to any coefficient.`);
  return rest;
}

/** The counted notes above, for a view that gathers them across variables: the count is group 1. */
export const COUNTED_ONE_CATEGORY_NOTE = /^(\d+) coders used only one category for all the units they coded; /;
export const COUNTED_CODED_NOTHING_NOTE = /^(\d+) coders coded no units and add nothing to any coefficient\.$/;
