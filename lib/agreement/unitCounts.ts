import type { ReliabilityData } from "./reliabilityData";

/**
 * The unit × category count matrix n_uk. Every multi-coder coefficient here (po, α, AC1,
 * Brennan–Prediger, Fleiss) is a function of these counts alone, which is what lets the bootstrap
 * resample units without going back to the raw data.
 */
export interface UnitCounts {
  readonly nUnits: number;
  readonly nCategories: number;
  /** Row-major n × K: counts[u * K + k] = number of coders who put unit u in category k. */
  readonly counts: Float64Array;
  /** m_u: how many coders coded unit u. */
  readonly totals: Float64Array;
}

export function countUnits(rd: ReliabilityData): UnitCounts {
  const K = rd.categories.length;
  const nCoders = rd.coders.length;
  const counts = new Float64Array(rd.nUnits * K);
  const totals = new Float64Array(rd.nUnits);
  for (let u = 0; u < rd.nUnits; u++) {
    for (let c = 0; c < nCoders; c++) {
      const k = rd.values[u * nCoders + c]!;
      if (k < 0) continue;
      counts[u * K + k]! += 1;
      totals[u]! += 1;
    }
  }
  return { nUnits: rd.nUnits, nCategories: K, counts, totals };
}

/** Build counts straight from a published "distribution of raters" table (one row per unit). */
export function unitCountsFromTable(rows: readonly (readonly number[])[]): UnitCounts {
  const nUnits = rows.length;
  const K = nUnits === 0 ? 0 : rows[0]!.length;
  const counts = new Float64Array(nUnits * K);
  const totals = new Float64Array(nUnits);
  rows.forEach((row, u) => {
    if (row.length !== K) throw new RangeError(`row ${u} has ${row.length} counts, expected ${K}`);
    row.forEach((n, k) => {
      counts[u * K + k] = n;
      totals[u]! += n;
    });
  });
  return { nUnits, nCategories: K, counts, totals };
}
