import type { AgreementResultData } from "./agreementData";

/**
 * The coefficients the agreement views can show. "κ" is Cohen's for two coders and Fleiss' for more
 * (Fleiss' κ is undefined once a coder skipped a turn; α is the default because it is not).
 */
export const STATISTIC_IDS = ["alpha", "kappa", "ac1", "po"] as const;
export type StatisticId = (typeof STATISTIC_IDS)[number];

type ResultKey = "krippendorff_alpha" | "cohen_kappa" | "fleiss_kappa" | "gwet_ac1" | "po";

export interface StatisticChoice {
  id: StatisticId;
  /** The switch's label. */
  label: string;
  /** Whether interpretation bands apply (they are written for chance-corrected coefficients). */
  chanceCorrected: boolean;
}

export const STATISTICS: Readonly<Record<StatisticId, StatisticChoice>> = {
  alpha: { id: "alpha", label: "Krippendorff's α", chanceCorrected: true },
  kappa: { id: "kappa", label: "κ (Cohen / Fleiss)", chanceCorrected: true },
  ac1: { id: "ac1", label: "Gwet's AC1", chanceCorrected: true },
  po: { id: "po", label: "Percent agreement", chanceCorrected: false },
};

export function statisticId(value: string | null | undefined): StatisticId {
  return (STATISTIC_IDS as readonly string[]).includes(value ?? "") ? (value as StatisticId) : "alpha";
}

export interface StatisticReading {
  /** "Krippendorff's α", "Cohen's κ", "Fleiss' κ", "Gwet's AC1", "Percent agreement". */
  name: string;
  /** "α", "κ", "AC1", "% agr." — the short form in dense cells. */
  symbol: string;
  key: ResultKey;
  value: number | null;
  ci: [number, number] | null;
  chanceCorrected: boolean;
}

function keyFor(id: StatisticId, nCoders: number): { key: ResultKey; name: string; symbol: string } {
  switch (id) {
    case "alpha":
      return { key: "krippendorff_alpha", name: "Krippendorff's α", symbol: "α" };
    case "kappa":
      return nCoders > 2 ? { key: "fleiss_kappa", name: "Fleiss' κ", symbol: "κ" } : { key: "cohen_kappa", name: "Cohen's κ", symbol: "κ" };
    case "ac1":
      return { key: "gwet_ac1", name: "Gwet's AC1", symbol: "AC1" };
    case "po":
      return { key: "po", name: "Percent agreement", symbol: "% agr." };
  }
}

/** The chosen coefficient of one result, with its CI when the run bootstrapped one. */
export function readStatistic(result: AgreementResultData | undefined, id: StatisticId): StatisticReading {
  const { key, name, symbol } = keyFor(id, result?.n_coders ?? 2);
  const raw = result?.[key];
  const value = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
  const ci = result?.ci?.[key] ?? null;
  return { name, symbol, key, value, ci, chanceCorrected: STATISTICS[id].chanceCorrected };
}

/** Percent agreement reads as a share: "87%". */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}
