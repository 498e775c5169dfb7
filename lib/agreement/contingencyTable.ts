import { evaluateStatistic, type AdditiveStatistic } from "./featureTable";
import type { ReliabilityData } from "./reliabilityData";

/**
 * The K×K table of two coders over the units both of them coded (rows: coder a, columns: coder b).
 * Each unit lands in exactly one cell, so a bootstrap replicate costs one addition per drawn unit.
 * Units either coder left blank are dropped, the usual convention for two-coder κ and π.
 */
export function contingencyTableStatistic(rd: ReliabilityData, a = 0, b = 1): AdditiveStatistic<Float64Array> {
  const K = rd.categories.length;
  const nCoders = rd.coders.length;
  return {
    width: K * K,
    write(u, sink) {
      const x = rd.values[u * nCoders + a]!;
      const y = rd.values[u * nCoders + b]!;
      if (x >= 0 && y >= 0) sink.add(x * K + y, 1);
    },
    finish(sums) {
      return sums;
    },
  };
}

export function contingencyTable(rd: ReliabilityData, a = 0, b = 1): Float64Array {
  return Float64Array.from(evaluateStatistic(rd.nUnits, contingencyTableStatistic(rd, a, b)));
}
