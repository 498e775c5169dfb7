import { describe, expect, it } from "vitest";
import { ABSTRACTORS_3X3, BEN_GERRY, GWET_5_OBSERVERS, GWET_G1G2, KRIPPENDORFF_2011_MISSING, fromContingencyTable } from "./fixtures/published";
import { brennanPrediger } from "./brennanPrediger";
import { gwetAc1 } from "./gwet";
import { observedAgreement } from "./observed";
import { buildReliabilityData } from "./reliabilityData";
import type { Category } from "./types";
import { countUnits } from "./unitCounts";

function coefficients(data: Record<string, readonly (Category | null)[]>, categories?: Category[]) {
  const rd = buildReliabilityData(data, categories);
  const counts = countUnits(rd);
  const po = observedAgreement(counts).po;
  return { po, ac1: gwetAc1(counts, rd.categories.length), bp: brennanPrediger(po, rd.categories.length) };
}

// Gwet's irrCAC drops Gerry's unit 10; the published irrCAC results refer to that copy.
const BEN_GERRY_IRRCAC = { Ben: BEN_GERRY.Ben!, Gerry: BEN_GERRY.Gerry!.map((v, i) => (i === 9 ? null : v)) };

describe("Gwet's AC1 and Brennan–Prediger with missing ratings", () => {
  it("reproduces Gwet (2014, p. 120) 4 raters × 12 units via irrCAC: pa = .81818, AC1 = .77544, BP = .77273", () => {
    const r = coefficients(KRIPPENDORFF_2011_MISSING);
    expect(r.po).toBeCloseTo(0.81818, 5);
    expect(r.ac1).toBeCloseTo(0.77544, 5);
    expect(r.bp).toBeCloseTo(0.77273, 5);
  });

  it("reproduces Gwet (2014) 5 observers × 15 units via irrCAC: pa = .616, AC1 = .497, BP = .487", () => {
    const r = coefficients(GWET_5_OBSERVERS);
    expect(r.po).toBeCloseTo(0.616, 3);
    expect(r.ac1).toBeCloseTo(0.497, 3);
    expect(r.bp).toBeCloseTo(0.487, 3);
  });

  it("reproduces Gwet (2014) cac.raw.g1g2, 4 raters × 14 units via irrCAC: pa = .744, AC1 = .685, BP = .679", () => {
    const r = coefficients(GWET_G1G2);
    expect(r.po).toBeCloseTo(0.744, 3);
    expect(r.ac1).toBeCloseTo(0.685, 3);
    expect(r.bp).toBeCloseTo(0.679, 3);
  });

  it("reproduces irrCAC on Ben and Gerry with one missing rating: pa = .727, AC1 = .661, BP = .659", () => {
    const r = coefficients(BEN_GERRY_IRRCAC);
    expect(r.po).toBeCloseTo(0.727, 3);
    expect(r.ac1).toBeCloseTo(0.661, 3);
    expect(r.bp).toBeCloseTo(0.659, 3);
  });

  it("reproduces Gwet (2014) abstractor table via irrCAC: AC1 = 0.8493305, BP = 0.835, pa = 0.89", () => {
    const { a, b } = fromContingencyTable(ABSTRACTORS_3X3, [1, 2, 3]);
    const r = coefficients({ a, b });
    expect(r.po).toBeCloseTo(0.89, 10);
    expect(r.ac1).toBeCloseTo(0.8493305, 7);
    expect(r.bp).toBeCloseTo(0.835, 10);
  });

  it("reproduces Krippendorff (2004, p. 246) Bennett et al.'s S = Brennan–Prediger for 2 coders: .190", () => {
    expect(brennanPrediger(0.46, 3)).toBeCloseTo(0.19, 3);
  });

  it("uses the declared category count q, so an unused category lowers chance agreement", () => {
    const data = { a: [1, 2, 1, 2, 1], b: [1, 2, 2, 2, 1] };
    const inferred = coefficients(data);
    const declared = coefficients(data, [1, 2, 3]);
    expect(inferred.bp).toBeCloseTo((0.8 - 1 / 2) / (1 - 1 / 2), 12);
    expect(declared.bp).toBeCloseTo((0.8 - 1 / 3) / (1 - 1 / 3), 12);
    expect(declared.ac1).not.toBeCloseTo(inferred.ac1!, 6);
  });

  it("is undefined with fewer than two categories or no pairable unit", () => {
    expect(coefficients({ a: [1, 1], b: [1, 1] }).ac1).toBeUndefined();
    expect(coefficients({ a: [1, null], b: [null, 2] }).ac1).toBeUndefined();
  });
});
