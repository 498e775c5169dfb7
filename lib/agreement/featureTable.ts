/**
 * Every coefficient in this library is a function of sums over units. Each statistic says what a
 * unit contributes to a few "slots"; the table stores those contributions once, sparsely (CSR), so
 * the point estimate is one pass over all rows and a bootstrap replicate is one pass over the
 * resampled row indices — no coincidence matrix or contingency table is ever rebuilt from raw data.
 */

export interface FeatureSink {
  add(slot: number, value: number): void;
}

/** What a unit contributes, as a sum over units. */
export interface UnitFeatures {
  /** Number of slots this statistic owns. */
  readonly width: number;
  write(unit: number, sink: FeatureSink): void;
}

/** A unit-additive statistic: per-unit contributions plus the formula applied to their sums. */
export interface AdditiveStatistic<R> extends UnitFeatures {
  finish(sums: Float64Array): R;
}

export class FeatureTable {
  private constructor(
    readonly nUnits: number,
    readonly width: number,
    private readonly rowStart: Int32Array,
    private readonly slots: Int32Array,
    private readonly values: Float64Array,
  ) {}

  /** Lay the statistics side by side; offsets[i] is where statistic i's slots begin. */
  static build(nUnits: number, parts: readonly UnitFeatures[]): { table: FeatureTable; offsets: number[] } {
    const offsets: number[] = [];
    let width = 0;
    for (const part of parts) {
      offsets.push(width);
      width += part.width;
    }
    const rowStart = new Int32Array(nUnits + 1);
    const slots: number[] = [];
    const values: number[] = [];
    let base = 0;
    const sink: FeatureSink = {
      add(slot, value) {
        // Zero contributions are the common case (absent categories); skipping them keeps rows short.
        if (value === 0) return;
        slots.push(base + slot);
        values.push(value);
      },
    };
    for (let u = 0; u < nUnits; u++) {
      parts.forEach((part, i) => {
        base = offsets[i]!;
        part.write(u, sink);
      });
      rowStart[u + 1] = slots.length;
    }
    const table = new FeatureTable(nUnits, width, rowStart, Int32Array.from(slots), Float64Array.from(values));
    return { table, offsets };
  }

  /** Sums over all units (the point estimate). */
  sumAll(out: Float64Array = new Float64Array(this.width)): Float64Array {
    out.fill(0);
    const { slots, values } = this;
    for (let j = 0; j < slots.length; j++) out[slots[j]!]! += values[j]!;
    return out;
  }

  /** Sums over the given unit indices, repeats included (one bootstrap replicate). */
  sumRows(rows: Int32Array, out: Float64Array): Float64Array {
    out.fill(0);
    const { rowStart, slots, values } = this;
    for (let r = 0; r < rows.length; r++) {
      const u = rows[r]!;
      const end = rowStart[u + 1]!;
      for (let j = rowStart[u]!; j < end; j++) out[slots[j]!]! += values[j]!;
    }
    return out;
  }
}

/** Evaluate a single statistic over all units — the convenience path for direct callers and tests. */
export function evaluateStatistic<R>(nUnits: number, statistic: AdditiveStatistic<R>): R {
  const { table } = FeatureTable.build(nUnits, [statistic]);
  return statistic.finish(table.sumAll());
}
