import { describe, expect, it } from "vitest";
import { computeAgreement } from "./computeAgreement";

/** n units where both coders say "no" except `disagree` units split one "yes" each. */
function skewed(n: number, disagree: number): { a: string[]; b: string[] } {
  const a = Array.from({ length: n }, () => "no");
  const b = [...a];
  for (let i = 0; i < disagree; i++) (i % 2 === 0 ? a : b)[i] = "yes";
  return { a, b };
}

describe("agreement warnings", () => {
  it("warns about fewer than 30 pairable units", () => {
    const r = computeAgreement({ level: "nominal", data: { a: [1, 2, 1], b: [1, 2, 2] } });
    expect(r.warnings.some((w) => /^Only 3 units are pairable \(coded by two or more coders, 6 pairable values\); with fewer than 30 pairable units/.test(w))).toBe(true);
  });

  it("counts pairable units, not units with any value, in the sample-size warning", () => {
    // 11 units have a value, but only 9 have two: the warning must say 9 (the case measured in issue 9).
    const a = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];
    const b = [1, 2, 1, 2, 1, 2, 1, 2, 2, null, null];
    const r = computeAgreement({ level: "nominal", data: { a, b } });
    expect(r.n_pairable_units).toBe(9);
    expect(r.warnings).toContainEqual(expect.stringMatching(/^Only 9 units are pairable .*; 2 more units have a value from one coder only and do not count\)/));
    expect(r.warnings.join(" ")).not.toMatch(/11 units/);
  });

  it("does not warn about sample size with 30 or more units", () => {
    const { a, b } = skewed(40, 0);
    const r = computeAgreement({ level: "nominal", data: { a: a.map((_, i) => i % 3), b: b.map((_, i) => i % 3) } });
    expect(r.warnings).toEqual([]);
  });

  it("names a category above 90% prevalence and the kappa paradox with AC1's value (Feinstein & Cicchetti 1990; Gwet 2008)", () => {
    const { a, b } = skewed(100, 4);
    const r = computeAgreement({ level: "nominal", data: { a, b } });
    expect(r.po).toBeCloseTo(0.96, 12);
    expect(r.cohen_kappa!).toBeLessThan(0.4);
    const text = r.warnings.join("\n");
    expect(text).toMatch(/Category "no" makes up 98% of all codes/);
    expect(text).toMatch(/kappa paradox/);
    expect(text).toContain(`Gwet's AC1 (${r.gwet_ac1!.toFixed(3)})`);
    expect(text).toContain(`Cohen's κ = ${r.cohen_kappa!.toFixed(3)}`);
  });

  it("names a coder who used only one category and a coder who coded nothing", () => {
    const r = computeAgreement({
      level: "nominal",
      data: { steady: [1, 1, 1, 1], varied: [1, 2, 1, 2], silent: [null, null, null, null] },
    });
    expect(r.warnings).toContainEqual(expect.stringMatching(/Coder "steady" used only one category \("1"\) for all 4 units/));
    expect(r.warnings).toContainEqual(expect.stringMatching(/Coder "silent" coded no units/));
  });

  it("warns when many units were coded but few by two or more coders", () => {
    const a = Array.from({ length: 40 }, (_, i) => i % 2);
    const b = a.map((v, i) => (i < 10 ? v : null));
    const r = computeAgreement({ level: "nominal", data: { a, b } });
    expect(r.warnings).toContainEqual(expect.stringMatching(/Only 10 units are pairable \(coded by two or more coders, 20 pairable values; 30 more units have a value from one coder only/));
  });
});
