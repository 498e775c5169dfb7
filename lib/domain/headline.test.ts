import { describe, expect, it } from "vitest";
import {
  DEFAULT_HEADLINE,
  differentStatisticNote,
  exerciseHeadline,
  headlineOf,
  headlineSentence,
  headlineSetting,
  headlineSettingSchema,
  traineeHeadline,
} from "./headline";

const result = { n_coders: 2, n_pairable_units: 26, krippendorff_alpha: 0.5712, cohen_kappa: 0.32, gwet_ac1: 0.61, po: 0.874, ci: { krippendorff_alpha: [0.41, 0.7] as const } };

describe("the cohort's headline statistic", () => {
  it("defaults to Krippendorff's α with Krippendorff's bands", () => {
    expect(DEFAULT_HEADLINE).toEqual({ statistic: "alpha", bands: "krippendorff" });
    const h = headlineOf(DEFAULT_HEADLINE, result);
    expect(h).toMatchObject({ name: "Krippendorff's α", value: 0.5712, text: "0.57", bandText: "unreliable — Krippendorff", nUnits: 26 });
    expect(h.ci).toEqual([0.41, 0.7]);
    expect(headlineSentence(h)).toBe("Krippendorff's α 0.57 [0.41, 0.70], unreliable — Krippendorff, 26 turns");
  });

  it("reads the stored result's key for the chosen statistic and names the band of the chosen scheme", () => {
    expect(headlineOf({ statistic: "kappa", bands: "landis-koch" }, result)).toMatchObject({ name: "Cohen's κ", value: 0.32, text: "0.32", bandText: "fair — Landis & Koch" });
    expect(headlineOf({ statistic: "kappa", bands: "landis-koch" }, { ...result, n_coders: 5, fleiss_kappa: 0.44 })).toMatchObject({ name: "Fleiss' κ", value: 0.44 });
    expect(headlineOf({ statistic: "ac1", bands: "cicchetti" }, result)).toMatchObject({ name: "Gwet's AC1", text: "0.61", bandText: "good — Cicchetti" });
  });

  it("prints percent agreement as a share, with no band", () => {
    const h = headlineOf({ statistic: "po", bands: "krippendorff" }, result);
    expect(h).toMatchObject({ text: "87%", band: null, bandText: "no bands for percent agreement" });
  });

  it("says 'not defined' instead of a number when the statistic is undefined or the result missing", () => {
    expect(headlineOf(DEFAULT_HEADLINE, { ...result, krippendorff_alpha: null })).toMatchObject({ value: null, text: "—", bandText: "not defined" });
    expect(headlineOf(DEFAULT_HEADLINE, undefined)).toMatchObject({ value: null, text: "—" });
    expect(headlineSentence(headlineOf(DEFAULT_HEADLINE, undefined))).toBe("Krippendorff's α not defined");
  });

  it("reads a trainee's headline on the pooled variable of their pair with the key, and the exercise's on the pooled variable over all coders", () => {
    const variables = { pooled: result, cognition: { ...result, krippendorff_alpha: 0.9 } };
    expect(traineeHeadline(DEFAULT_HEADLINE, variables).value).toBe(0.5712);
    expect(exerciseHeadline(DEFAULT_HEADLINE, variables).value).toBe(0.5712);
    expect(traineeHeadline(DEFAULT_HEADLINE, undefined).value).toBeNull();
  });

  it("falls back to the default field by field for a stored setting it does not know, and validates what instructors send", () => {
    expect(headlineSetting({ statistic: "kappa", bands: "nope" })).toEqual({ statistic: "kappa", bands: "krippendorff" });
    expect(headlineSetting(null)).toEqual(DEFAULT_HEADLINE);
    expect(headlineSettingSchema.safeParse({ statistic: "phi", bands: "krippendorff" }).success).toBe(false);
    expect(headlineSettingSchema.safeParse({ statistic: "po", bands: "cicchetti" }).success).toBe(true);
  });

  it("names another statistic shown on a page and says why; nothing when the page shows the headline", () => {
    expect(differentStatisticNote(DEFAULT_HEADLINE, { statistic: "alpha", bands: "krippendorff" }, "because")).toBeNull();
    expect(differentStatisticNote(DEFAULT_HEADLINE, { statistic: "kappa", bands: "krippendorff" }, "because you chose it")).toBe(
      "Showing κ (Cohen / Fleiss) because you chose it; this cohort's headline is Krippendorff's α with Krippendorff bands.",
    );
    expect(differentStatisticNote(DEFAULT_HEADLINE, { statistic: "alpha", bands: "landis-koch" }, "because you chose it")).toContain("Showing Landis & Koch bands");
    // Percent agreement has no bands, so a band choice alone is not a difference.
    expect(differentStatisticNote({ statistic: "po", bands: "krippendorff" }, { statistic: "po", bands: "cicchetti" }, "x")).toBeNull();
  });
});
