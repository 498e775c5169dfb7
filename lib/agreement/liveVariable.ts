import { agreementResultOf, agreementStatistics, type AgreementShape } from "./computeAgreement";
import type { WarningFacts } from "./diagnostics";
import type { AgreementResult, Category } from "./types";

/**
 * One nominal variable kept live: the sufficient statistics of computeAgreement (every coefficient is a
 * function of sums over units — see featureTable.ts) held as running sums, updated when one coder's value
 * on one unit changes by subtracting that unit's old contribution and adding its new one. A change costs
 * O(coders) for the unit it touches, never a pass over all units; the point estimates are then the same
 * finish formulas as computeAgreement's (agreementStatistics), so the two agree to rounding.
 *
 * Values are small integer keys. With fixed categories a key is the category's index; with dynamic ones
 * (the FAD pooled variable, where each code set used is a category) any key in [0, keySpace) and the
 * categories are the keys in use plus `always`, in `compare` order — exactly what a full computation with
 * those categories declared would see.
 *
 * Coders who have no value at all are left out (n_coders counts the others), as the product compares
 * only coders who have looked at a unit. Two coders' κ, π and PABAK need their joint table: it is built
 * from their two columns when the summary is read (O(units), only ever with exactly two coders).
 */

export type LiveCategories =
  | { readonly kind: "fixed"; readonly labels: readonly Category[] }
  | {
      readonly kind: "dynamic";
      readonly keySpace: number;
      readonly label: (key: number) => Category;
      readonly compare: (a: number, b: number) => number;
      readonly always: readonly number[];
    };

export interface LiveVariableSpec {
  readonly categories: LiveCategories;
  /** δ between two keys (used as α's disagreement matrix and κ's weights); absent = nominal. */
  readonly distance?: (a: number, b: number) => number;
}

const MISSING = -1;

export class LiveVariable {
  private readonly keySpace: number;
  private readonly columns = new Map<string, Int32Array>();
  /** coder → key → units with that value (which categories a coder used, and how many units they coded). */
  private readonly used = new Map<string, Map<number, number>>();
  // Running sums over units (see agreementStatistics for what each formula reads).
  private pairable = 0;
  private agreeShare = 0;
  private alphaObserved = 0;
  private rated = 0;
  private fleissAgreeing = 0;
  private pairableValues = 0;
  private codedUnits = 0;
  private readonly alphaMarginals: Float64Array;
  private readonly ac1Shares: Float64Array;
  /** Values per key over all units: Fleiss' n_j sums, prevalence and the dominance warning. */
  private readonly totals: Float64Array;
  private readonly fleissSpread: Float64Array;
  /** units by how many coders coded them. */
  private mHistogram = new Float64Array(8);
  // Scratch for one unit's counts.
  private readonly scratchCounts: Float64Array;
  private readonly scratchKeys: number[] = [];

  constructor(
    readonly nUnits: number,
    private readonly spec: LiveVariableSpec,
  ) {
    this.keySpace = spec.categories.kind === "fixed" ? spec.categories.labels.length : spec.categories.keySpace;
    this.alphaMarginals = new Float64Array(this.keySpace);
    this.ac1Shares = new Float64Array(this.keySpace);
    this.totals = new Float64Array(this.keySpace);
    this.fleissSpread = new Float64Array(this.keySpace);
    this.scratchCounts = new Float64Array(this.keySpace);
    this.mHistogram[0] = nUnits;
  }

  /** Sets one coder's value on one unit (null = missing). */
  set(coder: string, unit: number, key: number | null): void {
    if (!(unit >= 0 && unit < this.nUnits)) throw new RangeError(`unit ${unit} out of range`);
    const next = key ?? MISSING;
    if (next !== MISSING && !(next >= 0 && next < this.keySpace && Number.isInteger(next))) throw new RangeError(`key ${key} out of range`);
    let column = this.columns.get(coder);
    if (!column) {
      if (next === MISSING) return;
      column = new Int32Array(this.nUnits).fill(MISSING);
      this.columns.set(coder, column);
      this.used.set(coder, new Map());
      if (this.columns.size >= this.mHistogram.length) {
        const grown = new Float64Array(this.mHistogram.length * 2);
        grown.set(this.mHistogram);
        this.mHistogram = grown;
      }
    }
    const previous = column[unit]!;
    if (previous === next) return;
    this.contribute(unit, -1);
    column[unit] = next;
    this.contribute(unit, 1);
    const used = this.used.get(coder)!;
    if (previous !== MISSING) {
      const n = used.get(previous)! - 1;
      if (n === 0) used.delete(previous);
      else used.set(previous, n);
    }
    if (next !== MISSING) used.set(next, (used.get(next) ?? 0) + 1);
  }

  /** Adds (sign 1) or removes (sign −1) unit u's contribution to every running sum. */
  private contribute(u: number, sign: 1 | -1): void {
    const counts = this.scratchCounts;
    const keys = this.scratchKeys;
    keys.length = 0;
    for (const column of this.columns.values()) {
      const k = column[u]!;
      if (k === MISSING) continue;
      if (counts[k] === 0) keys.push(k);
      counts[k]! += 1;
    }
    let m = 0;
    let agreeing = 0;
    let squares = 0;
    for (const k of keys) {
      const n = counts[k]!;
      m += n;
      agreeing += n * (n - 1);
      squares += n * n;
    }
    this.mHistogram[m]! += sign;
    this.fleissAgreeing += sign * agreeing;
    for (const k of keys) {
      const n = counts[k]!;
      this.totals[k]! += sign * n;
      this.fleissSpread[k]! += sign * n * (m - n);
      this.ac1Shares[k]! += (sign * n) / m;
    }
    if (m >= 1) {
      this.rated += sign;
      this.codedUnits += sign;
    }
    if (m >= 2) {
      this.pairable += sign;
      this.pairableValues += sign * m;
      this.agreeShare += (sign * agreeing) / (m * (m - 1));
      for (const k of keys) this.alphaMarginals[k]! += sign * counts[k]!;
      let within = 0;
      const distance = this.spec.distance;
      if (distance) {
        for (const a of keys) for (const b of keys) if (a !== b) within += counts[a]! * counts[b]! * distance(a, b);
      } else {
        within = m * m - squares;
      }
      this.alphaObserved += (sign * within) / (m - 1);
    }
    for (const k of keys) counts[k] = 0;
  }

  /** Coders with at least one value, in id order (the order a full computation lists them in). */
  activeCoders(): string[] {
    return [...this.used].filter(([, used]) => used.size > 0).map(([coder]) => coder).sort(byCodeUnit);
  }

  /** The keys that are categories now, in category order. */
  categoryKeys(): number[] {
    const c = this.spec.categories;
    if (c.kind === "fixed") return c.labels.map((_, i) => i);
    const keys = new Set(c.always);
    for (let k = 0; k < this.keySpace; k++) if (this.totals[k]! > 0) keys.add(k);
    return [...keys].sort(c.compare);
  }

  categoryLabels(keys: readonly number[] = this.categoryKeys()): Category[] {
    const c = this.spec.categories;
    return c.kind === "fixed" ? keys.map((k) => c.labels[k]!) : keys.map((k) => c.label(k));
  }

  /** category → share of all values (all coders, all units), as lib/domain's prevalence. */
  prevalence(keys: readonly number[] = this.categoryKeys()): Record<string, number> {
    let total = 0;
    for (const k of keys) total += this.totals[k]!;
    const labels = this.categoryLabels(keys);
    const out: Record<string, number> = {};
    keys.forEach((k, i) => {
      out[String(labels[i])] = total === 0 ? 0 : this.totals[k]! / total;
    });
    return out;
  }

  /** The CONTRACTS §6 point estimates and warnings of computeAgreement over the active coders (no CIs). */
  result(keys: readonly number[] = this.categoryKeys()): AgreementResult {
    const coders = this.activeCoders();
    const K = keys.length;
    const compact = new Map(keys.map((k, i) => [k, i]));
    const labels = this.categoryLabels(keys);
    const distance = this.spec.distance;
    const shape: AgreementShape = {
      level: "nominal",
      categories: labels,
      ...(distance ? { weights: keys.map((a) => keys.map((b) => distance(a, b))) } : {}),
      nCoders: coders.length,
      nUnits: this.nUnits,
      complete: (this.mHistogram[coders.length] ?? 0) === this.nUnits,
    };
    const statistics = agreementStatistics(shape);
    const { layout } = statistics;
    const sums = new Float64Array(statistics.width);
    sums[layout.observed] = this.pairable;
    sums[layout.observed + 1] = this.agreeShare;
    keys.forEach((k, i) => {
      sums[layout.alpha + i] = this.alphaMarginals[k]!;
      sums[layout.ac1 + 3 + i] = this.ac1Shares[k]!;
    });
    sums[layout.alpha + K] = this.alphaObserved;
    sums[layout.ac1] = this.pairable;
    sums[layout.ac1 + 1] = this.agreeShare;
    sums[layout.ac1 + 2] = this.rated;
    if (layout.fleiss !== null) {
      sums[layout.fleiss] = this.nUnits;
      sums[layout.fleiss + 1] = this.fleissAgreeing;
      keys.forEach((k, i) => {
        sums[layout.fleiss! + 2 + i] = this.totals[k]!;
        sums[layout.fleiss! + 2 + K + i] = this.fleissSpread[k]!;
      });
    }
    if (layout.pairTable !== null) {
      const a = this.columns.get(coders[0]!)!;
      const b = this.columns.get(coders[1]!)!;
      for (let u = 0; u < this.nUnits; u++) {
        if (a[u] !== MISSING && b[u] !== MISSING) sums[layout.pairTable + compact.get(a[u]!)! * K + compact.get(b[u]!)!]! += 1;
      }
    }
    const facts: WarningFacts = {
      categories: labels,
      codedUnits: this.codedUnits,
      pairableValues: this.pairableValues,
      categoryTotals: keys.map((k) => this.totals[k]!),
      coders: coders.map((coder) => {
        const used = this.used.get(coder)!;
        let coded = 0;
        for (const n of used.values()) coded += n;
        const only = used.size === 1 ? compact.get(used.keys().next().value!)! : -1;
        return { name: coder, coded, onlyCategory: only };
      }),
    };
    return agreementResultOf(shape, statistics.evaluate(sums), facts, true);
  }
}

/** Plain code-unit order, as Array.prototype.sort() orders the coder ids of a full run. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
