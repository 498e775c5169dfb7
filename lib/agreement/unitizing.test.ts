import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Span } from "./types";
import {
  expectedUnitizingDisagreement,
  krippendorffUnitizingAlpha,
  observedUnitizingDisagreement,
  segmentDistance,
  segmentsFor,
  type Continuum,
} from "./unitizing";

/** Krippendorff (2004, Content Analysis 2nd ed., p. 254): continuum 150–450, coders i and j. */
const K2004: Span[][] = [
  [[225, 70, "c"], [370, 30, "c"], [180, 60, "k"], [300, 50, "k"]],
  [[220, 80, "c"], [355, 20, "c"], [400, 20, "c"], [180, 60, "k"], [300, 50, "k"]],
];

/** Krippendorff (1995, p. 57): four 24-position examples A–D (Bertha/Bill, John/Jill, …). */
function k1995(stretch: number): Span[][] {
  const s = (b: number, l: number, c: string): Span => [b * stretch, l * stretch, c];
  return [
    [s(2, 8, "A"), s(14, 6, "A"), s(0, 18, "B"), s(2, 6, "C"), s(10, 2, "C"), s(14, 4, "C"), s(20, 2, "C"),
      s(0, 2, "D"), s(2, 8, "D"), s(10, 4, "D"), s(14, 6, "D"), s(20, 4, "D")],
    [s(4, 4, "A"), s(15, 2, "A"), s(0, 2, "B"), s(2, 1, "B"), s(3, 1, "B"), s(4, 1, "B"), s(5, 1, "B"), s(6, 3, "B"),
      s(9, 1, "B"), s(0, 2, "C"), s(4, 4, "C"), s(10, 4, "C"), s(16, 2, "C"), s(20, 2, "C"), s(0, 4, "D"), s(4, 4, "D"),
      s(8, 7, "D"), s(15, 2, "D"), s(17, 7, "D")],
  ];
}

describe("Krippendorff's unitizing alpha", () => {
  it("reproduces the δ² values of Krippendorff (2004, p. 254): 50, 850 and 400", () => {
    expect(segmentDistance({ begin: 225, length: 70, unit: true }, { begin: 220, length: 80, unit: true })).toBe(50);
    expect(segmentDistance({ begin: 370, length: 30, unit: true }, { begin: 355, length: 20, unit: true })).toBe(850);
    expect(segmentDistance({ begin: 400, length: 50, unit: false }, { begin: 400, length: 20, unit: true })).toBe(400);
  });

  it("reproduces Krippendorff (2004, p. 254): category c uD_o = .0144, uD_e = .0532, u-α = .7286; category k u-α = 1 (uD_e = .0490)", () => {
    const { byCategory } = krippendorffUnitizingAlpha({ begin: 150, length: 300 }, K2004);
    const [c, k] = byCategory;
    expect(c!.observed).toBeCloseTo(0.0144, 4);
    expect(c!.expected).toBeCloseTo(0.0532, 4);
    expect(c!.alpha).toBeCloseTo(0.7286, 4);
    expect(k!.observed).toBe(0);
    expect(k!.expected).toBeCloseTo(0.049, 4);
    expect(k!.alpha).toBe(1);
  });

  it("reproduces Krippendorff (2004, p. 254) overall u-α = .8591 within .0005 (the book pools D's rounded to 4 places)", () => {
    const { alpha } = krippendorffUnitizingAlpha({ begin: 150, length: 300 }, K2004);
    expect(Math.abs(alpha! - 0.8591)).toBeLessThan(0.0005);
  });

  it("reproduces Krippendorff (1995, p. 57) observed disagreements: A .03125, B 2.26736, C .02777, D .38715", () => {
    const { byCategory } = krippendorffUnitizingAlpha({ begin: 0, length: 24 }, k1995(1));
    [0.03125, 2.26736, 0.02777, 0.38715].forEach((expected, i) => expect(byCategory[i]!.observed).toBeCloseTo(expected, 4));
  });

  it("reproduces Krippendorff (1995, p. 57) u-α A .553, B −.926, C .679, D .066 on a fine continuum, within .02 (DKPro's tolerance; the paper's D_e has a small error)", () => {
    const stretch = 50_000;
    const { byCategory } = krippendorffUnitizingAlpha({ begin: 0, length: 24 * stretch }, k1995(stretch));
    [0.553, -0.926, 0.679, 0.066].forEach((expected, i) => expect(Math.abs(byCategory[i]!.alpha! - expected)).toBeLessThan(0.02));
  });

  it("is 1 when all coders mark identical spans", () => {
    const spans: Span[] = [[3, 5, "x"], [12, 4, "x"], [20, 6, "y"]];
    const result = krippendorffUnitizingAlpha({ begin: 0, length: 40 }, [spans, spans, spans]);
    expect(result.alpha).toBe(1);
    expect(result.byCategory.map((c) => c.alpha)).toEqual([1, 1]);
  });

  it("counts a coder who marked nothing as disagreeing with every unit", () => {
    const result = krippendorffUnitizingAlpha({ begin: 0, length: 40 }, [[[3, 5, "x"], [20, 6, "x"]], []]);
    expect(result.alpha!).toBeLessThan(0);
  });

  it("rejects overlapping spans of one category by the same coder", () => {
    expect(() => segmentsFor({ begin: 0, length: 20 }, [[2, 5, "x"], [4, 3, "x"]], "x")).toThrow(RangeError);
  });
});

// ---- independent brute force: segments from a position bitmap, every segment pair tested with the
// conditions exactly as printed by Krippendorff, and D_e as a plain double loop.

interface Seg {
  b: number;
  l: number;
  v: 0 | 1;
}

function bitmapSegments(covered: boolean[], begin: number): Seg[] {
  const out: Seg[] = [];
  let start = 0;
  for (let p = 1; p <= covered.length; p++) {
    if (p === covered.length || covered[p] !== covered[start]) {
      out.push({ b: begin + start, l: p - start, v: covered[start] ? 1 : 0 });
      start = p;
    }
  }
  return out;
}

function bruteObserved(parts: Seg[][], L: number): number {
  const m = parts.length;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      for (const g of parts[i]!) {
        for (const h of parts[j]!) {
          const d = g.b - h.b;
          if (g.v === 1 && h.v === 1 && -g.l < d && d < h.l) sum += d * d + (g.b + g.l - h.b - h.l) ** 2;
          else if (g.v === 1 && h.v === 0 && h.l - g.l >= d && d >= 0) sum += g.l * g.l;
          else if (g.v === 0 && h.v === 1 && g.l - h.l >= -d && -d >= 0) sum += h.l * h.l;
        }
      }
    }
  }
  return sum / (m * (m - 1) * L * L);
}

function bruteExpected(parts: Seg[][], L: number): number {
  const m = parts.length;
  const units = parts.flat().filter((s) => s.v === 1);
  const gaps = parts.flat().filter((s) => s.v === 0);
  const N = units.length;
  let num = 0;
  let self = 0;
  for (const u of units) {
    num += ((N - 1) / 3) * (2 * u.l ** 3 - 3 * u.l ** 2 + u.l);
    for (const g of gaps) if (g.l >= u.l) num += u.l ** 2 * (g.l - u.l + 1);
    self += u.l * (u.l - 1);
  }
  return N === 0 ? 0 : ((2 / L) * num) / (m * L * (m * L - 1) - self);
}

const runs = (covered: boolean[], begin: number, category: string): Span[] =>
  bitmapSegments(covered, begin)
    .filter((s) => s.v === 1)
    .map((s): Span => [s.b, s.l, category]);

const studyArb = fc
  .record({ L: fc.integer({ min: 8, max: 50 }), coders: fc.integer({ min: 2, max: 4 }), begin: fc.integer({ min: -20, max: 20 }) })
  .chain(({ L, coders, begin }) =>
    fc.record({
      L: fc.constant(L),
      begin: fc.constant(begin),
      maps: fc.array(fc.array(fc.array(fc.boolean(), { minLength: L, maxLength: L }), { minLength: 2, maxLength: 2 }), {
        minLength: coders,
        maxLength: coders,
      }),
    }),
  );

describe("Krippendorff's unitizing alpha against a brute-force implementation", () => {
  it("matches the brute-force uD_o and uD_e for random spans (fast-check, seed 42)", () => {
    fc.assert(
      fc.property(studyArb, ({ L, begin, maps }) => {
        const continuum: Continuum = { begin, length: L };
        const categories = ["x", "y"];
        const spans = maps.map((perCategory) => perCategory.flatMap((covered, c) => runs(covered, begin, categories[c]!)));
        categories.forEach((category, c) => {
          const partitions = spans.map((s) => segmentsFor(continuum, s, category));
          const brute = maps.map((perCategory) => bitmapSegments(perCategory[c]!, begin));
          expect(observedUnitizingDisagreement(continuum, partitions)).toBeCloseTo(bruteObserved(brute, L), 10);
          expect(expectedUnitizingDisagreement(continuum, partitions)).toBeCloseTo(bruteExpected(brute, L), 10);
        });
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("is invariant under permuting coders and shifting the continuum (fast-check, seed 42)", () => {
    fc.assert(
      fc.property(studyArb, fc.integer({ min: -1000, max: 1000 }), ({ L, begin, maps }, shift) => {
        const spans = maps.map((perCategory) => perCategory.flatMap((covered, c) => runs(covered, begin, ["x", "y"][c]!)));
        const base = krippendorffUnitizingAlpha({ begin, length: L }, spans).alpha;
        const reversed = krippendorffUnitizingAlpha({ begin, length: L }, [...spans].reverse()).alpha;
        const shifted = krippendorffUnitizingAlpha(
          { begin: begin + shift, length: L },
          spans.map((s) => s.map(([b, l, c]): Span => [b + shift, l, c])),
        ).alpha;
        if (base === undefined) {
          expect(reversed).toBeUndefined();
        } else {
          expect(reversed).toBeCloseTo(base, 10);
          expect(shifted).toBeCloseTo(base, 10);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});
