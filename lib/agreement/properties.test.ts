import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAgreement, SCALAR_STATISTICS } from "./computeAgreement";
import type { AgreementInput, AgreementResult, Level } from "./types";

type Matrix = (number | null)[][]; // coders × units

const toData = (m: Matrix): Record<string, (number | null)[]> => Object.fromEntries(m.map((column, c) => [`coder${c}`, column]));

/** Random reliability data: 2–5 coders, 5–40 units, 2–4 numeric categories, some missing values. */
const matrixArb = (opts: { minUnits?: number; missing?: boolean; minCoders?: number; maxCoders?: number } = {}) =>
  fc
    .record({
      coders: fc.integer({ min: opts.minCoders ?? 2, max: opts.maxCoders ?? 5 }),
      units: fc.integer({ min: opts.minUnits ?? 5, max: 40 }),
      K: fc.integer({ min: 2, max: 4 }),
    })
    .chain(({ coders, units, K }) => {
      const value = opts.missing === false ? fc.integer({ min: 1, max: K }) : fc.option(fc.integer({ min: 1, max: K }), { freq: 6 });
      return fc.array(fc.array(value, { minLength: units, maxLength: units }), { minLength: coders, maxLength: coders });
    });

const levelArb = fc.constantFrom<Level>("nominal", "ordinal", "interval", "ratio");

function expectSameStatistics(a: AgreementResult, b: AgreementResult, keys = SCALAR_STATISTICS): void {
  for (const key of keys) {
    if (a[key] === undefined) expect(b[key], key).toBeUndefined();
    else expect(b[key], key).toBeCloseTo(a[key]!, 9);
  }
}

describe("agreement statistics: invariances (fast-check, seed 42)", () => {
  it("do not change when coders are listed in another order", () => {
    fc.assert(
      fc.property(matrixArb(), levelArb, fc.nat(), (m, level, rot) => {
        const r = rot % m.length;
        const rotated = [...m.slice(r), ...m.slice(0, r)];
        expectSameStatistics(computeAgreement({ level, data: toData(m) }), computeAgreement({ level, data: toData(rotated) }));
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("do not change when units are listed in another order", () => {
    fc.assert(
      fc.property(matrixArb(), levelArb, fc.nat(), (m, level, seed) => {
        const n = m[0]!.length;
        const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => ((x * 7919 + seed) % n) - ((y * 7919 + seed) % n) || x - y);
        const permuted = m.map((column) => order.map((u) => column[u]!));
        expectSameStatistics(computeAgreement({ level, data: toData(m) }), computeAgreement({ level, data: toData(permuted) }));
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("give α = 1 when all coders agree on codes that vary", () => {
    fc.assert(
      fc.property(matrixArb({ maxCoders: 2, minCoders: 1 }), fc.integer({ min: 2, max: 6 }), levelArb, (m, copies, level) => {
        const column = m[0]!;
        fc.pre(new Set(column.filter((v) => v !== null)).size >= 2 && column.filter((v) => v !== null).length >= 2);
        const result = computeAgreement({ level, data: toData(Array.from({ length: copies }, () => column)) });
        expect(result.krippendorff_alpha).toBeCloseTo(1, 12);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("do not change when a coder who coded nothing is added (α, AC1, Brennan–Prediger, po, pairable units)", () => {
    fc.assert(
      fc.property(matrixArb(), levelArb, (m, level) => {
        const withSilent = [...m, m[0]!.map(() => null)];
        const base = computeAgreement({ level, data: toData(m), categories: [1, 2, 3, 4] });
        const more = computeAgreement({ level, data: toData(withSilent), categories: [1, 2, 3, 4] });
        expect(more.n_pairable_units).toBe(base.n_pairable_units);
        expectSameStatistics(base, more, ["po", "krippendorff_alpha", "gwet_ac1", "brennan_prediger"]);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  /*
   * Two coders, n units, nominal, no missing values: n.. = 2n pairable values, D_o = 1 − p_o and
   * D_e = (1 − Σ p_c²)·2n/(2n − 1) with p_c the pooled proportions, i.e. Scott's p_e. Hence
   *   α = 1 − D_o/D_e = 1 − (1 − π)(2n − 1)/(2n) = π + (1 − π)/(2n).
   */
  it("satisfy α = π + (1 − π)/(2n) for two coders, nominal data, no missing values (Krippendorff 2011: α corrects π for small samples)", () => {
    fc.assert(
      fc.property(matrixArb({ minCoders: 2, maxCoders: 2, missing: false }), (m) => {
        const n = m[0]!.length;
        const r = computeAgreement({ level: "nominal", data: toData(m) });
        if (r.scott_pi === undefined) {
          expect(r.krippendorff_alpha).toBeUndefined();
          return;
        }
        expect(r.krippendorff_alpha).toBeCloseTo(r.scott_pi + (1 - r.scott_pi) / (2 * n), 12);
        expect(r.fleiss_kappa).toBeCloseTo(r.scott_pi, 12);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("bootstrap intervals (fast-check, seed 42)", () => {
  const withBootstrap = (m: Matrix, level: Level, seed: number): AgreementInput => ({
    level,
    data: toData(m),
    bootstrap: { replicates: 200, seed },
  });

  it("contain the point estimate of every statistic that has one", () => {
    fc.assert(
      fc.property(matrixArb({ minUnits: 20 }), levelArb, fc.integer(), (m, level, seed) => {
        const r = computeAgreement(withBootstrap(m, level, seed));
        for (const [key, interval] of Object.entries(r.ci ?? {}) as [keyof AgreementResult, [number, number]][]) {
          const estimate = r[key] as number;
          expect(interval[0], key).toBeLessThanOrEqual(estimate + 1e-12);
          expect(interval[1], key).toBeGreaterThanOrEqual(estimate - 1e-12);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("are identical for the same seed and input", () => {
    fc.assert(
      fc.property(matrixArb(), levelArb, fc.integer(), (m, level, seed) => {
        expect(computeAgreement(withBootstrap(m, level, seed)).ci).toEqual(computeAgreement(withBootstrap(m, level, seed)).ci);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
