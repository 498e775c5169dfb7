import { describe, expect, it } from "vitest";
import { computeUnitizing } from "./computeUnitizing";

describe("computeUnitizing output (CONTRACTS §6)", () => {
  it("reproduces Krippendorff (2004, p. 254): overall u-α ≈ .859, c = .7286, k = 1", () => {
    const r = computeUnitizing({
      unitizing: {
        begin: 150,
        length: 300,
        data: {
          i: [[225, 70, "c"], [370, 30, "c"], [180, 60, "k"], [300, 50, "k"]],
          j: [[220, 80, "c"], [355, 20, "c"], [400, 20, "c"], [180, 60, "k"], [300, 50, "k"]],
        },
      },
    });
    expect(Object.keys(r)).toEqual(["n_coders", "n_spans", "krippendorff_unitizing_alpha", "krippendorff_unitizing_alpha_by_category", "warnings"]);
    expect(r.krippendorff_unitizing_alpha).toBeCloseTo(0.8587, 4);
    expect(r.krippendorff_unitizing_alpha_by_category.c).toBeCloseTo(0.7286, 4);
    expect(r.krippendorff_unitizing_alpha_by_category.k).toBe(1);
    expect(r.n_spans).toBe(9);
    expect(r.warnings).toEqual([]);
  });

  it("leaves the overall value out and warns when nobody marked a span", () => {
    const r = computeUnitizing({ unitizing: { begin: 0, length: 10, data: { a: [], b: [] } } });
    expect(r).not.toHaveProperty("krippendorff_unitizing_alpha");
    expect(r.krippendorff_unitizing_alpha_by_category).toEqual({});
    expect(r.warnings.join(" ")).toMatch(/No coder marked any span/);
  });

  it("warns about a category only one coder used", () => {
    const r = computeUnitizing({ unitizing: { begin: 0, length: 50, data: { a: [[0, 5, "x"], [10, 5, "y"]], b: [[1, 5, "x"]] } } });
    expect(r.warnings).toContainEqual(expect.stringMatching(/Only one coder used category "y"/));
  });
});
