import { describe, expect, it } from "vitest";
import { bootstrapIntervals, quantile } from "./bootstrap";
import { FeatureTable } from "./featureTable";
import { mulberry32 } from "./random";

describe("bootstrap machinery", () => {
  it("mulberry32 repeats its sequence for a seed and differs across seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("computes type-7 quantiles as R's quantile() does", () => {
    const sorted = Float64Array.from([1, 2, 3, 4]);
    expect(quantile(sorted, 0.5)).toBe(2.5);
    expect(quantile(sorted, 0.025)).toBeCloseTo(1.075, 12);
    expect(quantile(sorted, 1)).toBe(4);
  });

  it("resamples unit rows: the mean of a constant is a zero-width interval, of 0/1 values a proper one", () => {
    const values = [0, 1, 0, 1, 1, 0, 1, 0, 1, 1];
    const { table } = FeatureTable.build(values.length, [
      { width: 2, write: (u, sink) => (sink.add(0, 1), sink.add(1, values[u]!)) },
    ]);
    const population = Int32Array.from(values.keys());
    const mean = (sums: Float64Array) => ({ mean: sums[1]! / sums[0]!, one: sums[0]! / values.length });
    const { intervals } = bootstrapIntervals(table, population, ["mean", "one"], mean, { replicates: 400, seed: 3 });
    expect(intervals.one).toEqual([1, 1]);
    expect(intervals.mean![0]).toBeLessThan(0.6);
    expect(intervals.mean![1]).toBeGreaterThan(0.6);
  });

  it("gives no interval when the statistic is undefined in most resamples", () => {
    const { table } = FeatureTable.build(3, [{ width: 1, write: (u, sink) => sink.add(0, u === 0 ? 1 : 0) }]);
    const rare = (sums: Float64Array): { rare?: number } => (sums[0]! >= 2 ? { rare: 1 } : {});
    const { intervals, undefinedShare } = bootstrapIntervals(table, Int32Array.from([0, 1, 2]), ["rare"], rare, { replicates: 200, seed: 1 });
    expect(intervals.rare).toBeUndefined();
    expect(undefinedShare.rare!).toBeGreaterThan(0.5);
  });
});
