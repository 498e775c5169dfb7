import { describe, expect, it } from "vitest";
import { FLEISS_1971 } from "./fixtures/published";
import { fleissKappa } from "./fleiss";
import { buildReliabilityData } from "./reliabilityData";
import { countUnits, unitCountsFromTable } from "./unitCounts";

/** Fleiss (1971) gives counts per subject; the raters are the columns of the expanded rows. */
function fleissCounts() {
  const data: Record<string, number[]> = {};
  for (let r = 0; r < 6; r++) data[`rater${r + 1}`] = FLEISS_1971.map((row) => row[r]!);
  return countUnits(buildReliabilityData(data, [1, 2, 3, 4, 5]));
}

describe("Fleiss' kappa", () => {
  it("reproduces Fleiss (1971, p. 379) 30 subjects × 6 raters, 5 categories: κ = .4302 (P̄ = .5556, P̄e = .2201)", () => {
    expect(fleissKappa(fleissCounts())!.kappa).toBeCloseTo(0.4302, 4);
  });

  it("reproduces Fleiss (1971) per-category κ_j: .245, .245, .520, .471, .566", () => {
    const byCategory = fleissKappa(fleissCounts())!.byCategory;
    [0.245, 0.245, 0.52, 0.471, 0.566].forEach((expected, j) => expect(byCategory[j]).toBeCloseTo(expected, 3));
  });

  it("gives the same result from the published table of counts as from the derived rater data", () => {
    const table = FLEISS_1971.map((row) => [1, 2, 3, 4, 5].map((c) => row.filter((v) => v === c).length));
    expect(fleissKappa(unitCountsFromTable(table))!.kappa).toBeCloseTo(fleissKappa(fleissCounts())!.kappa!, 12);
  });

  it("is undefined when units were coded by different numbers of coders (missing values)", () => {
    expect(fleissKappa(countUnits(buildReliabilityData({ a: [1, 2, 1], b: [1, null, 2] })))).toBeUndefined();
  });

  it("leaves κ_j undefined for a declared category nobody used", () => {
    const counts = countUnits(buildReliabilityData({ a: [1, 2, 1, 2], b: [1, 2, 2, 2] }, [1, 2, 3]));
    const result = fleissKappa(counts)!;
    expect(result.byCategory[2]).toBeUndefined();
    expect(result.kappa).toBeDefined();
  });
});
