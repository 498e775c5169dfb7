import { evaluateStatistic, type AdditiveStatistic } from "./featureTable";
import type { UnitCounts } from "./unitCounts";

export interface ObservedAgreement {
  /** Units coded by at least two coders — the only ones that carry agreement information. */
  readonly pairableUnits: number;
  /** Mean over pairable units of the share of agreeing coder pairs; undefined without such units. */
  readonly po: number | undefined;
}

/**
 * Observed agreement in its multi-coder form: for unit u with m_u ≥ 2 values, the share of the
 * m_u(m_u−1) ordered coder pairs that agree is Σ_k n_uk(n_uk−1) / (m_u(m_u−1)); po averages that over
 * pairable units (Fleiss 1971's P̄; Gwet's p_a with missing ratings). For two coders without missing
 * values it is the plain proportion of matching units.
 */
export function observedAgreementStatistic(counts: UnitCounts): AdditiveStatistic<ObservedAgreement> {
  const K = counts.nCategories;
  return {
    width: 2,
    write(u, sink) {
      const m = counts.totals[u]!;
      if (m < 2) return;
      let agreeing = 0;
      for (let k = 0; k < K; k++) {
        const n = counts.counts[u * K + k]!;
        agreeing += n * (n - 1);
      }
      sink.add(0, 1);
      sink.add(1, agreeing / (m * (m - 1)));
    },
    finish(sums) {
      const pairableUnits = sums[0]!;
      return { pairableUnits, po: pairableUnits > 0 ? sums[1]! / pairableUnits : undefined };
    },
  };
}

export function observedAgreement(counts: UnitCounts): ObservedAgreement {
  return evaluateStatistic(counts.nUnits, observedAgreementStatistic(counts));
}
