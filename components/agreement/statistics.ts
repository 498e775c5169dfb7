import { HEADLINE_STATISTIC_IDS, type HeadlineStatistic, STATISTIC_NAMES, type StatisticKey, type StatisticName, formatPercent, statisticKey } from "@/lib/domain/headline";
import type { AgreementResultData } from "./agreementData";

/**
 * The coefficients the agreement views can show — the same set, names and keys as the cohort's headline
 * statistic (lib/domain/headline), so a view and the headline never name one coefficient two ways.
 */
export const STATISTIC_IDS = HEADLINE_STATISTIC_IDS;
export type StatisticId = HeadlineStatistic;
export type StatisticChoice = StatisticName;
export const STATISTICS = STATISTIC_NAMES;
export { formatPercent };

export function statisticId(value: string | null | undefined, fallback: StatisticId = "alpha"): StatisticId {
  return (STATISTIC_IDS as readonly string[]).includes(value ?? "") ? (value as StatisticId) : fallback;
}

export interface StatisticReading {
  /** "Krippendorff's α", "Cohen's κ", "Fleiss' κ", "Gwet's AC1", "Percent agreement". */
  name: string;
  /** "α", "κ", "AC1", "% agr." — the short form in dense cells. */
  symbol: string;
  key: StatisticKey;
  value: number | null;
  ci: [number, number] | null;
  chanceCorrected: boolean;
}

/** The chosen coefficient of one result, with its CI when the run bootstrapped one. */
export function readStatistic(result: Partial<AgreementResultData> | undefined, id: StatisticId): StatisticReading {
  const { key, name, symbol } = statisticKey(id, result?.n_coders ?? 2);
  const raw = result?.[key];
  const value = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
  const ci = result?.ci?.[key] ?? null;
  return { name, symbol, key, value, ci, chanceCorrected: STATISTICS[id].chanceCorrected };
}
