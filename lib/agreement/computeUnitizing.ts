import { categoryKey } from "./categories";
import type { UnitizingInput, UnitizingResult } from "./types";
import { krippendorffUnitizingAlpha } from "./unitizing";

/**
 * CONTRACTS §6 output for spans on a continuum. No bootstrap here: the continuum has no independent
 * units to resample, and resampling spans would break the partition the coefficient is built on.
 */
export function computeUnitizing(input: UnitizingInput): UnitizingResult {
  const { begin, length, data } = input.unitizing;
  const coders = Object.keys(data);
  const spansByCoder = coders.map((c) => data[c] ?? []);
  const { alpha, byCategory } = krippendorffUnitizingAlpha({ begin, length }, spansByCoder);

  const byCategoryOut: Record<string, number | null> = {};
  for (const entry of byCategory) byCategoryOut[categoryKey(entry.category)] = entry.alpha ?? null;

  const warnings: string[] = [];
  coders.forEach((coder, i) => {
    if (spansByCoder[i]!.length === 0) warnings.push(`Coder "${coder}" marked no spans; every other coder's spans count as disagreement with them.`);
  });
  for (const entry of byCategory) {
    const users = spansByCoder.filter((spans) => spans.some((s) => s[2] === entry.category)).length;
    if (users === 1) {
      warnings.push(`Only one coder used category "${categoryKey(entry.category)}"; its u-α mostly measures that disagreement.`);
    }
  }
  if (byCategory.length === 0) warnings.push("No coder marked any span, so unitizing agreement is undefined.");

  // Spread keeps CONTRACTS order (overall before per-category) and leaves the key out when undefined.
  return {
    n_coders: coders.length,
    n_spans: spansByCoder.reduce((n, spans) => n + spans.length, 0),
    ...(alpha === undefined ? {} : { krippendorff_unitizing_alpha: alpha }),
    krippendorff_unitizing_alpha_by_category: byCategoryOut,
    warnings,
  };
}
