import { z } from "zod";
import { BAND_SCHEMES, type BandPlace, type BandScheme, KRIPPENDORFF, bandFor, bandScheme, formatCoefficient, formatInterval } from "./bands";

/**
 * The cohort's one headline statistic (issue 9, "one headline statistic everywhere"): the coefficient and
 * the band scheme that every page leads with — agreement page, live strip, progress page, group review and
 * the export summaries. A page that shows another coefficient names it and says why (differentStatisticNote).
 *
 * The default is Krippendorff's α with Krippendorff's own bands: α is defined with missing values (a turn
 * one coder has not looked at), for any number of coders, and it is the coefficient FAD reliability is
 * reported with. The setting is stored per cohort (cohorts.headline_statistic, cohorts.headline_bands).
 *
 * Pure: a stored result (CONTRACTS §6 shape, or a pair summary) in, a value with its name and band out.
 */

export const HEADLINE_STATISTIC_IDS = ["alpha", "kappa", "ac1", "po"] as const;
export type HeadlineStatistic = (typeof HEADLINE_STATISTIC_IDS)[number];

export const BAND_SCHEME_IDS = ["krippendorff", "landis-koch", "cicchetti"] as const;
export type BandSchemeId = (typeof BAND_SCHEME_IDS)[number];

export const headlineSettingSchema = z.object({
  statistic: z.enum(HEADLINE_STATISTIC_IDS),
  bands: z.enum(BAND_SCHEME_IDS),
});

export type HeadlineSetting = z.infer<typeof headlineSettingSchema>;

export const DEFAULT_HEADLINE: HeadlineSetting = { statistic: "alpha", bands: "krippendorff" };

/** A stored setting read back from the database: anything unknown falls back to the default, field by field. */
export function headlineSetting(stored: { statistic?: string | null; bands?: string | null } | null | undefined): HeadlineSetting {
  const statistic = z.enum(HEADLINE_STATISTIC_IDS).safeParse(stored?.statistic);
  const bands = z.enum(BAND_SCHEME_IDS).safeParse(stored?.bands);
  return { statistic: statistic.success ? statistic.data : DEFAULT_HEADLINE.statistic, bands: bands.success ? bands.data : DEFAULT_HEADLINE.bands };
}

/** The variable a headline is read on: all codes of a turn together (lib/domain/fadDistance). */
export const HEADLINE_VARIABLE = "pooled";

/** The CONTRACTS §6 keys a headline can be read from. */
export type StatisticKey = "krippendorff_alpha" | "cohen_kappa" | "fleiss_kappa" | "gwet_ac1" | "po";

export interface StatisticName {
  id: HeadlineStatistic;
  /** The choice's label where one picks it: "κ (Cohen / Fleiss)". */
  label: string;
  /** Whether interpretation bands apply (they are written for chance-corrected coefficients). */
  chanceCorrected: boolean;
}

export const STATISTIC_NAMES: Readonly<Record<HeadlineStatistic, StatisticName>> = {
  alpha: { id: "alpha", label: "Krippendorff's α", chanceCorrected: true },
  kappa: { id: "kappa", label: "κ (Cohen / Fleiss)", chanceCorrected: true },
  ac1: { id: "ac1", label: "Gwet's AC1", chanceCorrected: true },
  po: { id: "po", label: "Percent agreement", chanceCorrected: false },
};

/** Which key of a result holds the statistic, and its name: κ is Cohen's for two coders and Fleiss' for more. */
export function statisticKey(id: HeadlineStatistic, nCoders: number): { key: StatisticKey; name: string; symbol: string } {
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

/** The parts of a stored result a headline reads (a §6 output or a pair summary both fit). */
export interface ResultLike {
  n_coders?: number;
  n_pairable_units?: number;
  krippendorff_alpha?: number | null;
  cohen_kappa?: number | null;
  fleiss_kappa?: number | null;
  gwet_ac1?: number | null;
  po?: number | null;
  ci?: Partial<Record<string, readonly [number, number]>>;
}

export interface Headline {
  statistic: HeadlineStatistic;
  /** "Krippendorff's α", "Cohen's κ", … */
  name: string;
  symbol: string;
  value: number | null;
  ci: readonly [number, number] | null;
  /** Turns the value rests on (pairable units); 0 when unknown. */
  nUnits: number;
  scheme: BandScheme;
  /** null for an undefined value and for percent agreement (bands are for chance-corrected coefficients). */
  band: BandPlace | null;
  /** The value as printed: "0.57" (band-safe decimals), "87%" for percent agreement, "—" when undefined. */
  text: string;
  /** "tentative — Krippendorff", "no bands for percent agreement", or "not defined". */
  bandText: string;
}

/** Percent agreement reads as a share: "87%". */
export function formatPercent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

/** The headline of one stored result under the cohort's setting. */
export function headlineOf(setting: HeadlineSetting, result: ResultLike | null | undefined): Headline {
  const { key, name, symbol } = statisticKey(setting.statistic, result?.n_coders ?? 2);
  const raw = result?.[key];
  const value = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
  const ciRaw = result?.ci?.[key];
  const ci = ciRaw ? ([ciRaw[0], ciRaw[1]] as const) : null;
  const scheme = bandScheme(setting.bands);
  const chanceCorrected = STATISTIC_NAMES[setting.statistic].chanceCorrected;
  const band = chanceCorrected ? bandFor(value, scheme) : null;
  const text = value === null ? "—" : chanceCorrected ? formatCoefficient(value, scheme) : formatPercent(value);
  const bandText = value === null ? "not defined" : band ? `${band.band.name} — ${scheme.name}` : "no bands for percent agreement";
  return { statistic: setting.statistic, name, symbol, value, ci, nUnits: result?.n_pairable_units ?? 0, scheme, band, text, bandText };
}

/** "Krippendorff's α 0.57 [0.41, 0.70], tentative — Krippendorff, 26 turns": the headline in one line. */
export function headlineSentence(h: Headline): string {
  if (h.value === null) return `${h.name} not defined`;
  return `${h.name} ${h.text}${h.ci ? ` ${formatInterval(h.ci)}` : ""}, ${h.bandText}${h.nUnits > 0 ? `, ${h.nUnits} turns` : ""}`;
}

/**
 * One trainee's headline on one exercise: their pooled agreement with the key coder. The agreement page's
 * key table, the progress page and the group review all show this one number for a trainee.
 * `pairVariables` is the pair {trainee, key}'s variables (vsKey row), or undefined when there is none.
 */
export function traineeHeadline(setting: HeadlineSetting, pairVariables: Readonly<Record<string, ResultLike>> | undefined): Headline {
  return headlineOf(setting, pairVariables?.[HEADLINE_VARIABLE]);
}

/** The exercise's headline: pooled agreement over all compared coders. */
export function exerciseHeadline(setting: HeadlineSetting, variables: Readonly<Record<string, ResultLike>> | undefined): Headline {
  return headlineOf(setting, variables?.[HEADLINE_VARIABLE]);
}

/** "Krippendorff's α with Krippendorff bands": how a page names the cohort's setting. */
export function headlineSettingText(setting: HeadlineSetting): string {
  return `${STATISTIC_NAMES[setting.statistic].label}${STATISTIC_NAMES[setting.statistic].chanceCorrected ? ` with ${bandScheme(setting.bands).name} bands` : ""}`;
}

/**
 * When a view shows another coefficient or bands than the cohort's headline (a reader switched, or a link
 * asked for it), the sentence that says so; null when the view shows the headline.
 */
export function differentStatisticNote(setting: HeadlineSetting, shown: { statistic: HeadlineStatistic; bands: string }, why: string): string | null {
  const sameStatistic = shown.statistic === setting.statistic;
  const sameBands = shown.bands === setting.bands || !STATISTIC_NAMES[shown.statistic].chanceCorrected;
  if (sameStatistic && sameBands) return null;
  const what = sameStatistic ? `${bandScheme(shown.bands).name} bands` : STATISTIC_NAMES[shown.statistic].label;
  return `Showing ${what} ${why}; this cohort's headline is ${headlineSettingText(setting)}.`;
}

export const BAND_SCHEME_CHOICES: readonly BandScheme[] = BAND_SCHEME_IDS.map((id) => BAND_SCHEMES.find((s) => s.id === id) ?? KRIPPENDORFF);
