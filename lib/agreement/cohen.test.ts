import { describe, expect, it } from "vitest";
import { ABSTRACTORS_3X3, COHEN_1960_P45 } from "./fixtures/published";
import { cohenKappa, linearDisagreement, quadraticDisagreement, weightedKappa } from "./cohen";
import { scottPi } from "./scott";
import { squareMatrix } from "./types";

const flat = (t: number[][]): Float64Array => Float64Array.from(t.flat());

describe("Cohen's kappa", () => {
  it("reproduces Cohen (1960, p. 45): po = .70, pe = .41, κ = .492", () => {
    expect(cohenKappa(flat(COHEN_1960_P45), 3)).toBeCloseTo(0.29 / 0.59, 10);
    expect(cohenKappa(flat(COHEN_1960_P45), 3)).toBeCloseTo(0.492, 3);
  });

  it("reproduces Cohen (1960, p. 37) first example: po = .29 < pe = .35 gives a negative κ", () => {
    const table = [
      [25, 12, 3],
      [13, 2, 15],
      [12, 16, 2],
    ];
    // po = 29/100; pe = (.40·.50 + .30·.30 + .30·.20) = .35.
    expect(cohenKappa(flat(table), 3)).toBeCloseTo((0.29 - 0.35) / (1 - 0.35), 10);
  });

  it("reproduces Gwet (2014) abstractor table via irrCAC kappa2.table: κ = 0.7964094", () => {
    expect(cohenKappa(flat(ABSTRACTORS_3X3), 3)).toBeCloseTo(0.7964094, 7);
  });

  it("reproduces irrCAC kappa2.table with quadratic weights on the abstractor table: κw = 0.8921569", () => {
    expect(weightedKappa(flat(ABSTRACTORS_3X3), quadraticDisagreement([1, 2, 3]))).toBeCloseTo(0.8921569, 7);
  });

  it("reproduces irrCAC (Python port test suite) linear-weighted κ on the abstractor table: 0.843", () => {
    expect(weightedKappa(flat(ABSTRACTORS_3X3), linearDisagreement([1, 2, 3]))).toBeCloseTo(0.843, 3);
  });

  it("reproduces Krippendorff (2004, Content Analysis p. 246): κ = .186 and .258 for two tables with π = .186", () => {
    const sameMargins = [
      [12, 9, 9],
      [9, 14, 9],
      [9, 9, 20],
    ];
    const biased = [
      [12, 18, 18],
      [0, 14, 18],
      [0, 0, 20],
    ];
    expect(cohenKappa(flat(sameMargins), 3)).toBeCloseTo(0.186, 3);
    expect(cohenKappa(flat(biased), 3)).toBeCloseTo(0.258, 3);
    expect(scottPi(flat(sameMargins), 3)).toBeCloseTo(0.186, 3);
    expect(scottPi(flat(biased), 3)).toBeCloseTo(0.186, 3);
  });

  it("treats a custom disagreement matrix like the equivalent built-in weights", () => {
    const custom = squareMatrix([
      [0, 1, 4],
      [1, 0, 1],
      [4, 1, 0],
    ]);
    expect(weightedKappa(flat(ABSTRACTORS_3X3), custom)).toBeCloseTo(0.8921569, 7);
  });

  it("is undefined without data and when both coders used one category throughout", () => {
    expect(cohenKappa(new Float64Array(4), 2)).toBeUndefined();
    expect(cohenKappa(Float64Array.from([5, 0, 0, 0]), 2)).toBeUndefined();
  });
});

describe("Scott's pi", () => {
  it("reproduces Gwet (2014) abstractor table via irrCAC scott2.table: π = 0.7962397", () => {
    expect(scottPi(flat(ABSTRACTORS_3X3), 3)).toBeCloseTo(0.7962397, 7);
  });

  it("reproduces Krippendorff (2011) §A binary example: π = 0.048 (α = π + (1 − π)/2n = 0.095)", () => {
    // 10 units: 5 × (0,0), 1 × (1,1), 3 × (0,1), 1 × (1,0).
    expect(scottPi(Float64Array.from([5, 3, 1, 1]), 2)).toBeCloseTo(0.02 / 0.42, 10);
  });
});
