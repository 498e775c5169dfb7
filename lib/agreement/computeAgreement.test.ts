import { describe, expect, it } from "vitest";
import { computeAgreement } from "./computeAgreement";
import { FLEISS_1971, KRIPPENDORFF_2011_MISSING, columns, fromContingencyTable, ABSTRACTORS_3X3, COHEN_1960_P45 } from "./fixtures/published";

describe("computeAgreement output (CONTRACTS §6)", () => {
  it("reports every statistic of Cohen (1960, p. 45) for two coders: κ = .492, po = .70, and no weighted κ for nominal data", () => {
    const { a, b } = fromContingencyTable(COHEN_1960_P45, [1, 2, 3]);
    const r = computeAgreement({ level: "nominal", data: { a, b } });
    expect(r.n_units).toBe(200);
    expect(r.n_coders).toBe(2);
    expect(r.n_pairable_units).toBe(200);
    expect(r.po).toBeCloseTo(0.7, 12);
    expect(r.cohen_kappa).toBeCloseTo(0.492, 3);
    expect(r).not.toHaveProperty("cohen_kappa_linear");
    expect(r).not.toHaveProperty("cohen_kappa_weighted");
    expect(r).not.toHaveProperty("pabak");
    expect(r).not.toHaveProperty("ci");
    expect(Object.keys(r)).toEqual([
      "n_units", "n_coders", "n_pairable_units", "po", "cohen_kappa", "scott_pi", "fleiss_kappa",
      "fleiss_kappa_by_category", "krippendorff_alpha", "gwet_ac1", "brennan_prediger", "warnings",
    ]);
  });

  it("adds linear and quadratic κ for ordered data, reproducing irrCAC on Gwet's (2014) abstractor table: .843 and .8921569", () => {
    const { a, b } = fromContingencyTable(ABSTRACTORS_3X3, [1, 2, 3]);
    const r = computeAgreement({ level: "ordinal", data: { a, b } });
    expect(r.cohen_kappa_linear).toBeCloseTo(0.843, 3);
    expect(r.cohen_kappa_quadratic).toBeCloseTo(0.8921569, 7);
  });

  it("uses the declared disagreement matrix for cohen_kappa_weighted and for α", () => {
    const { a, b } = fromContingencyTable(ABSTRACTORS_3X3, [1, 2, 3]);
    const weights = [
      [0, 1, 4],
      [1, 0, 1],
      [4, 1, 0],
    ];
    const r = computeAgreement({ level: "nominal", categories: [1, 2, 3], weights, data: { a, b } });
    const interval = computeAgreement({ level: "interval", data: { a, b } });
    expect(r.cohen_kappa_weighted).toBeCloseTo(0.8921569, 7);
    expect(r.krippendorff_alpha).toBeCloseTo(interval.krippendorff_alpha!, 12);
  });

  it("leaves out Cohen's κ, Scott's π and PABAK for more than two coders and Fleiss' κ with missing values (Krippendorff 2011 data)", () => {
    const r = computeAgreement({ level: "nominal", data: KRIPPENDORFF_2011_MISSING });
    expect(r.krippendorff_alpha).toBeCloseTo(0.743, 3);
    for (const key of ["cohen_kappa", "scott_pi", "pabak", "fleiss_kappa", "fleiss_kappa_by_category"]) expect(r).not.toHaveProperty(key);
    expect(r.n_pairable_units).toBe(11);
  });

  it("reports Fleiss (1971) κ = .4302 with per-category κ keyed by category, including a declared unused one as null", () => {
    const data = columns(FLEISS_1971);
    const r = computeAgreement({ level: "nominal", categories: [1, 2, 3, 4, 5, 6], data });
    expect(r.fleiss_kappa).toBeCloseTo(0.4302, 4);
    expect(Object.keys(r.fleiss_kappa_by_category!)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(r.fleiss_kappa_by_category!["3"]).toBeCloseTo(0.52, 3);
    expect(r.fleiss_kappa_by_category!["6"]).toBeNull();
    expect(r.brennan_prediger).toBeCloseTo((r.po! - 1 / 6) / (1 - 1 / 6), 12);
  });

  it("reports PABAK = 2·po − 1 for two coders and two categories (Byrt, Bishop & Carlin 1993)", () => {
    const r = computeAgreement({ level: "nominal", data: { a: ["y", "y", "n", "y"], b: ["y", "n", "n", "y"] } });
    expect(r.pabak).toBeCloseTo(0.5, 12);
  });

  it("sorts inferred categories numerically, and string categories by code unit", () => {
    const numeric = computeAgreement({ level: "nominal", data: { a: [10, 9, 2, 2], b: [10, 9, 2, 2], c: [10, 9, 2, 2] } });
    expect(Object.keys(numeric.fleiss_kappa_by_category!)).toEqual(["2", "9", "10"]);
    const strings = computeAgreement({ level: "nominal", data: { a: ["b", "B", "a"], b: ["b", "B", "a"] } });
    expect(Object.keys(strings.fleiss_kappa_by_category!)).toEqual(["B", "a", "b"]);
  });

  it("treats ordinal codes by rank for weighted κ but interval codes by value", () => {
    const data = { a: [1, 2, 10, 1, 2, 10], b: [1, 10, 2, 2, 2, 10] };
    const ordinal = computeAgreement({ level: "ordinal", data });
    const interval = computeAgreement({ level: "interval", data });
    expect(ordinal.cohen_kappa_linear).not.toBeCloseTo(interval.cohen_kappa_linear!, 6);
    expect(ordinal.cohen_kappa).toBeCloseTo(interval.cohen_kappa!, 12);
  });

  it("adds a percentile interval for every defined statistic when bootstrap is asked, reproducibly", () => {
    const { a, b } = fromContingencyTable(ABSTRACTORS_3X3, [1, 2, 3]);
    const input = { level: "ordinal" as const, data: { a, b }, bootstrap: { replicates: 500, seed: 7 } };
    const r = computeAgreement(input);
    const defined = Object.keys(r).filter((k) => typeof r[k as keyof typeof r] === "number" && !k.startsWith("n_"));
    expect(Object.keys(r.ci!).sort()).toEqual(defined.sort());
    expect(r.ci!.cohen_kappa![0]).toBeLessThan(r.cohen_kappa!);
    expect(r.ci!.cohen_kappa![1]).toBeGreaterThan(r.cohen_kappa!);
    expect(computeAgreement(input).ci).toEqual(r.ci);
    expect(computeAgreement({ ...input, bootstrap: { replicates: 500, seed: 8 } }).ci).not.toEqual(r.ci);
  });

  it("keeps all keys absent and warns when no unit is pairable", () => {
    const r = computeAgreement({ level: "nominal", data: { a: [1, null, 2], b: [null, 2, null] }, bootstrap: { replicates: 50, seed: 1 } });
    expect(r.n_pairable_units).toBe(0);
    for (const key of ["po", "krippendorff_alpha", "gwet_ac1", "brennan_prediger", "cohen_kappa"]) expect(r).not.toHaveProperty(key);
    expect(r.warnings.join(" ")).toMatch(/no pairable values/);
  });
});

describe("computeAgreement edge cases", () => {
  it("keeps interval α exact for large, closely spaced codes (centred moments)", () => {
    const base = { a: [1, 2, 3, 3, 2, 1, 4, 1, 2], b: [1, 2, 3, 3, 2, 2, 4, 1, 2] };
    const shifted = { a: base.a.map((v) => v + 1e9), b: base.b.map((v) => v + 1e9) };
    const r1 = computeAgreement({ level: "interval", data: base });
    const r2 = computeAgreement({ level: "interval", data: shifted });
    expect(r2.krippendorff_alpha).toBeCloseTo(r1.krippendorff_alpha!, 9);
  });

  it("warns that inferred ordinal string codes are ordered alphabetically", () => {
    const r = computeAgreement({ level: "ordinal", data: { a: ["low", "high", "medium"], b: ["low", "high", "high"] } });
    expect(r.warnings).toContainEqual(expect.stringMatching(/ordered alphabetically \("high" < "low" < "medium"\)/));
  });

  it("reports ci whenever bootstrap is asked: only for defined statistics, and empty when none is defined", () => {
    const constant = computeAgreement({ level: "nominal", data: { a: [1, 1], b: [1, 1] }, bootstrap: { replicates: 20, seed: 1 } });
    expect(constant.ci).toEqual({ po: [1, 1], pabak: [1, 1] });
    const unpaired = computeAgreement({ level: "nominal", data: { a: [1, null], b: [null, 2] }, bootstrap: { replicates: 20, seed: 1 } });
    expect(unpaired.ci).toEqual({});
  });
});
