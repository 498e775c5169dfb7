import { describe, expect, it } from "vitest";
import {
  BEN_GERRY,
  HAYES_KRIPPENDORFF_2007,
  KRIPPENDORFF_2011_MISSING,
  KRIPPENDORFF_BINARY,
  columns,
  fromContingencyTable,
} from "./fixtures/published";
import { alphaDistance } from "./distance";
import { krippendorffAlpha } from "./krippendorff";
import { buildReliabilityData } from "./reliabilityData";
import { squareMatrix, type Category, type Level } from "./types";
import { countUnits } from "./unitCounts";

function alpha(data: Record<string, readonly (Category | null)[]>, level: Level, categories?: Category[], weights?: number[][]): number | undefined {
  const rd = buildReliabilityData(data, categories);
  return krippendorffAlpha(countUnits(rd), alphaDistance(level, rd.categories, weights));
}

describe("Krippendorff's alpha (coincidence-matrix method)", () => {
  it.each([
    ["nominal", 0.743],
    ["ordinal", 0.815],
    ["interval", 0.849],
    ["ratio", 0.797],
  ] as const)(
    "reproduces Krippendorff (2011) 4 coders × 12 units with missing data at the %s level: α = %s",
    (level, expected) => {
      expect(alpha(KRIPPENDORFF_2011_MISSING, level)).toBeCloseTo(expected, 3);
    },
  );

  it("reproduces Krippendorff (2011) §A binary data, 2 coders × 10 units: α = 0.095", () => {
    expect(alpha(KRIPPENDORFF_BINARY, "nominal")).toBeCloseTo(0.095, 3);
  });

  it("reproduces Krippendorff (2011) §B nominal data, 2 coders × 12 units (Ben and Gerry): α = 0.692", () => {
    expect(alpha(BEN_GERRY, "nominal")).toBeCloseTo(0.692, 3);
  });

  it("reproduces Hayes & Krippendorff (2007, p. 84) 5 observers × 40 units, ordinal: α = 0.7598", () => {
    expect(alpha(columns(HAYES_KRIPPENDORFF_2007), "ordinal")).toBeCloseTo(0.7598, 4);
  });

  it("reproduces Krippendorff (2004, Content Analysis p. 227) 2 coders × 12 units, categories a–c: α = 0.734", () => {
    const data = {
      A: ["a", "a", "b", "b", "b", "b", "b", "c", "c", "c", "c", "c"],
      B: ["a", "b", "b", "b", "b", "b", "c", "c", "c", "c", "c", "c"],
    };
    expect(alpha(data, "nominal")).toBeCloseTo(0.734, 3);
  });

  it("reproduces Krippendorff (2004, p. 230) with symbolic codes (same data as 2011 §C): α nominal = 0.743", () => {
    const _ = null;
    const data = {
      A: ["B", "L", "P", "P", "L", "B", "C", "B", "L", _, _, _],
      B: ["B", "L", "P", "P", "L", "L", "C", "B", "L", "F", _, _],
      C: [_, "P", "P", "P", "L", "P", "C", "L", "L", "F", "B", "P"],
      D: ["B", "L", "P", "P", "L", "C", "C", "B", "L", "F", "B", _],
    };
    expect(alpha(data, "nominal")).toBeCloseTo(0.743, 3);
  });

  it("reproduces Gwet's irrCAC krippen.alpha.raw on cac.raw4raters with quadratic weights (= interval α): 0.849", () => {
    // Gwet (2014) shows α with quadratic agreement weights equals interval α for equally spaced codes.
    expect(alpha(KRIPPENDORFF_2011_MISSING, "interval")).toBeCloseTo(0.849, 3);
  });

  it("reproduces the nominal α of Gwet's (2014) abstractor table, 2 coders × 100 units, via irrCAC krippen2.table: 0.7972585", () => {
    const { a, b } = fromContingencyTable([[13, 0, 0], [0, 20, 7], [0, 4, 56]], [1, 2, 3]);
    expect(alpha({ a, b }, "nominal")).toBeCloseTo(0.7972585, 6);
  });

  it("gives the same α for a custom disagreement matrix equal to the level's distance", () => {
    const categories = [1, 2, 3, 4, 5];
    const nominal = categories.map((c) => categories.map((k) => (c === k ? 0 : 1)));
    const interval = categories.map((c) => categories.map((k) => (c - k) ** 2));
    expect(alpha(KRIPPENDORFF_2011_MISSING, "ordinal", categories, nominal)).toBeCloseTo(0.743421, 6);
    expect(alpha(KRIPPENDORFF_2011_MISSING, "nominal", categories, interval)).toBeCloseTo(0.849107, 6);
    expect(squareMatrix(interval).size).toBe(5);
  });

  it("counts a declared but unused category without changing nominal α", () => {
    expect(alpha(KRIPPENDORFF_2011_MISSING, "nominal", [1, 2, 3, 4, 5, 6])).toBeCloseTo(0.743, 3);
  });

  it("is undefined when every pairable value is the same category (no variation)", () => {
    expect(alpha({ a: [1, 1, 1], b: [1, 1, null] }, "nominal")).toBeUndefined();
  });

  it("ignores units with a single value (Krippendorff 2011: only pairable values count)", () => {
    const withLoner = { ...KRIPPENDORFF_BINARY, A: [...KRIPPENDORFF_BINARY.A!, 1], B: [...KRIPPENDORFF_BINARY.B!, null] };
    expect(alpha(withLoner, "nominal")).toBeCloseTo(alpha(KRIPPENDORFF_BINARY, "nominal")!, 12);
  });
});
