import { z } from "zod";

/**
 * Interpretation bands for agreement coefficients (PRODUCT: "configurable and always named next to a
 * number"). A band is a named range of a chance-corrected coefficient; a scheme is an ordered set of
 * bands covering −1 … 1 with its citation. The UI says "substantial — Landis & Koch", never a bare number.
 *
 * Boundaries follow the published tables:
 * - Landis & Koch (1977), for κ: < 0 poor, 0.00–0.20 slight, 0.21–0.40 fair, 0.41–0.60 moderate,
 *   0.61–0.80 substantial, 0.81–1.00 almost perfect. The table is written in two decimals, so an upper
 *   bound is inclusive: 0.20 is slight and anything above it is fair.
 * - Cicchetti (1994), for κ and ICC: < .40 poor, .40–.59 fair, .60–.74 good, .75–1.00 excellent. Lower
 *   bounds are inclusive: .40 is fair, .60 good, .75 excellent.
 * - Krippendorff (2004, §11.4), for α: ≥ .800 reliable, ≥ .667 tentative conclusions only, below that
 *   unreliable. Lower bounds inclusive.
 *
 * A scheme is data, so a course can define its own (bandSchemeSchema validates one).
 */

export interface Band {
  /** Short name, lower case as written after a number: "substantial". */
  name: string;
  /** The band holds values ≥ min (or > min when minExclusive); −1 for the lowest band. */
  min: number;
  minExclusive: boolean;
}

export interface BandScheme {
  id: string;
  /** Who the bands are from, as named next to a number: "Landis & Koch". */
  name: string;
  citation: string;
  /** Bands from the lowest to the highest; band i covers [bands[i].min, bands[i + 1].min). */
  bands: Band[];
}

const band = (name: string, min: number, minExclusive = false): Band => ({ name, min, minExclusive });

export const LANDIS_KOCH: BandScheme = {
  id: "landis-koch",
  name: "Landis & Koch",
  citation: "Landis, J. R., & Koch, G. G. (1977). The measurement of observer agreement for categorical data. Biometrics, 33, 159–174.",
  bands: [band("poor", -1), band("slight", 0), band("fair", 0.2, true), band("moderate", 0.4, true), band("substantial", 0.6, true), band("almost perfect", 0.8, true)],
};

export const CICCHETTI: BandScheme = {
  id: "cicchetti",
  name: "Cicchetti",
  citation: "Cicchetti, D. V. (1994). Guidelines, criteria, and rules of thumb for evaluating normed and standardized assessment instruments in psychology. Psychological Assessment, 6, 284–290.",
  bands: [band("poor", -1), band("fair", 0.4), band("good", 0.6), band("excellent", 0.75)],
};

export const KRIPPENDORFF: BandScheme = {
  id: "krippendorff",
  name: "Krippendorff",
  citation: "Krippendorff, K. (2004). Content analysis: An introduction to its methodology (2nd ed.), §11.4. Sage.",
  bands: [band("unreliable", -1), band("tentative", 0.667), band("reliable", 0.8)],
};

export const BAND_SCHEMES: readonly BandScheme[] = [LANDIS_KOCH, CICCHETTI, KRIPPENDORFF];

export const DEFAULT_BAND_SCHEME = LANDIS_KOCH;

export const bandSchemeSchema = z
  .object({
    id: z.string().min(1).max(40),
    name: z.string().min(1).max(60),
    citation: z.string().max(400),
    bands: z
      .array(z.object({ name: z.string().min(1).max(40), min: z.number().min(-1).max(1), minExclusive: z.boolean() }))
      .min(1)
      .max(12),
  })
  .superRefine((scheme, ctx) => {
    if (scheme.bands[0]!.min !== -1) ctx.addIssue({ code: "custom", path: ["bands", 0, "min"], message: "the lowest band must start at −1" });
    for (let i = 1; i < scheme.bands.length; i++) {
      if (!(scheme.bands[i]!.min > scheme.bands[i - 1]!.min)) ctx.addIssue({ code: "custom", path: ["bands", i, "min"], message: "bands must rise strictly" });
    }
  });

export function bandScheme(id: string | null | undefined): BandScheme {
  return BAND_SCHEMES.find((s) => s.id === id) ?? DEFAULT_BAND_SCHEME;
}

export interface BandPlace {
  band: Band;
  /** 0 = the lowest band of the scheme. */
  index: number;
  /** Where the band ends (the next band's min), 1 for the top band. */
  max: number;
  scheme: BandScheme;
}

function inBand(value: number, b: Band): boolean {
  return b.minExclusive ? value > b.min : value >= b.min;
}

/** The band a coefficient falls in; null for NaN or undefined values. Values are clamped to −1 … 1. */
export function bandFor(value: number | null | undefined, scheme: BandScheme = DEFAULT_BAND_SCHEME): BandPlace | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const v = Math.max(-1, Math.min(1, value));
  let index = 0;
  for (let i = scheme.bands.length - 1; i > 0; i--) {
    if (inBand(v, scheme.bands[i]!)) {
      index = i;
      break;
    }
  }
  return { band: scheme.bands[index]!, index, max: scheme.bands[index + 1]?.min ?? 1, scheme };
}

/** "substantial — Landis & Koch"; "" for an undefined value. */
export function bandLabel(value: number | null | undefined, scheme: BandScheme = DEFAULT_BAND_SCHEME): string {
  const place = bandFor(value, scheme);
  return place ? `${place.band.name} — ${scheme.name}` : "";
}

/**
 * Decimals to print so the printed number falls in the same band as the value: 2 (PRODUCT), more only
 * where rounding would cross a boundary — 0.8049 reads "0.80", which Landis & Koch call substantial,
 * while the value is almost perfect; it is printed "0.805". Never more than 4.
 */
export function decimalsFor(value: number, scheme: BandScheme = DEFAULT_BAND_SCHEME): number {
  const target = bandFor(value, scheme)?.index;
  for (let d = 2; d < 4; d++) {
    if (bandFor(Number(value.toFixed(d)), scheme)?.index === target) return d;
  }
  return 4;
}

/** A coefficient to 2 decimals (more at a band boundary, see decimalsFor), with a true minus sign. */
export function formatCoefficient(value: number | null | undefined, scheme: BandScheme = DEFAULT_BAND_SCHEME): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  const text = value.toFixed(decimalsFor(value, scheme));
  // "-0.00" reads as a negative result; a value that rounds to zero is shown as zero.
  if (/^-0\.0+$/.test(text)) return text.slice(1);
  return text.replace(/^-/, "−");
}

/** A bootstrap interval as "[0.41, 0.80]"; "no CI" when there is none. */
export function formatInterval(ci: readonly [number, number] | null | undefined): string {
  if (!ci) return "no CI";
  const f = (x: number): string => {
    const text = x.toFixed(2);
    return /^-0\.00$/.test(text) ? "0.00" : text.replace(/^-/, "−");
  };
  return `[${f(ci[0])}, ${f(ci[1])}]`;
}

/** The bands as [from, to] segments of −1 … 1, for shading a chart's background. */
export function bandSegments(scheme: BandScheme = DEFAULT_BAND_SCHEME): Array<{ band: Band; index: number; from: number; to: number }> {
  return scheme.bands.map((b, index) => ({ band: b, index, from: b.min, to: scheme.bands[index + 1]?.min ?? 1 }));
}
