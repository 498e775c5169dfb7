import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FAD_CATEGORIES,
  FAD_CODES,
  FAD_DISTANCE_MATRIX,
  NO_CODE,
  codeSetDistance,
  codeSetDistanceMatrix,
  codeSetLabel,
  codeSetMask,
  maskDistance,
  parseCodeSetLabel,
  type FadCode,
} from "./fadDistance";

/** Brute force over every one-to-one matching (padding with "none"): the definition of δ(S, T). */
function matchingDistance(a: readonly FadCode[], b: readonly FadCode[]): number {
  const slots = Math.max(a.length, b.length);
  if (slots === 0) return 0;
  const left: (FadCode | null)[] = [...a, ...Array<null>(slots - a.length).fill(null)];
  const right: (FadCode | null)[] = [...b, ...Array<null>(slots - b.length).fill(null)];
  const cost = (x: FadCode | null, y: FadCode | null): number => {
    if (x === y) return 0;
    if (x === null || y === null) return 1;
    return x.split(".")[0] === y.split(".")[0] ? 0.5 : 1;
  };
  let best = Infinity;
  const used = new Array<boolean>(slots).fill(false);
  const walk = (i: number, acc: number): void => {
    if (acc >= best) return;
    if (i === slots) {
      best = acc;
      return;
    }
    for (let j = 0; j < slots; j++) {
      if (used[j]) continue;
      used[j] = true;
      walk(i + 1, acc + cost(left[i]!, right[j]!));
      used[j] = false;
    }
  };
  walk(0, 0);
  return best / slots;
}

const codeSet = fc.subarray([...FAD_CODES], { maxLength: 5 });

describe("FAD pooled distance", () => {
  it("is a 13×13 matrix over none + 6 dimensions × 2 poles with a zero diagonal", () => {
    expect(FAD_CATEGORIES).toHaveLength(13);
    expect(FAD_CATEGORIES[0]).toBe(NO_CODE);
    expect(FAD_DISTANCE_MATRIX).toHaveLength(13);
    FAD_DISTANCE_MATRIX.forEach((row, i) => {
      expect(row).toHaveLength(13);
      expect(row[i]).toBe(0);
    });
  });

  it("is symmetric", () => {
    FAD_DISTANCE_MATRIX.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(FAD_DISTANCE_MATRIX[j]![i])));
  });

  it("makes the same dimension's opposite pole (0.5) a smaller disagreement than another dimension (1) or none (1)", () => {
    const at = (a: string, b: string): number => FAD_DISTANCE_MATRIX[FAD_CATEGORIES.indexOf(a as FadCode)]![FAD_CATEGORIES.indexOf(b as FadCode)]!;
    expect(at("cognition.inflexible", "cognition.flexible")).toBe(0.5);
    expect(at("cognition.inflexible", "self.inflexible")).toBe(1);
    expect(at("cognition.inflexible", "self.flexible")).toBe(1);
    expect(at(NO_CODE, "emotion.flexible")).toBe(1);
    for (const a of FAD_CODES) {
      for (const b of FAD_CODES) {
        if (a === b) continue;
        const sameDimension = a.split(".")[0] === b.split(".")[0];
        expect(at(a, b)).toBe(sameDimension ? 0.5 : 1);
      }
    }
  });

  it("lifts to code sets by optimal matching and reduces to the 13×13 matrix for single codes", () => {
    expect(codeSetDistance([], [])).toBe(0);
    expect(codeSetDistance([], ["self.inflexible"])).toBe(1);
    expect(codeSetDistance(["cognition.inflexible"], ["cognition.flexible"])).toBe(0.5);
    expect(codeSetDistance(["cognition.inflexible", "self.inflexible"], ["cognition.inflexible"])).toBe(0.5);
    expect(codeSetDistance(["cognition.inflexible", "self.inflexible"], ["cognition.flexible", "self.inflexible"])).toBe(0.25);
    expect(codeSetDistance(["cognition.inflexible", "cognition.flexible"], ["cognition.inflexible"])).toBe(0.5);
    FAD_CATEGORIES.forEach((a, i) =>
      FAD_CATEGORIES.forEach((b, j) => {
        const set = (c: string): FadCode[] => (c === NO_CODE ? [] : [c as FadCode]);
        expect(codeSetDistance(set(a), set(b))).toBe(FAD_DISTANCE_MATRIX[i]![j]);
      }),
    );
  });

  it("equals the brute-force optimal matching, is symmetric, in [0, 1] and zero exactly for equal sets (property)", () => {
    fc.assert(
      fc.property(codeSet, codeSet, (a, b) => {
        const d = codeSetDistance(a, b);
        expect(d).toBeCloseTo(matchingDistance(a, b), 12);
        expect(codeSetDistance(b, a)).toBe(d);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(d === 0).toBe(codeSetLabel(a) === codeSetLabel(b));
        expect(maskDistance(codeSetMask(a), codeSetMask(b))).toBe(d);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("labels code sets canonically and reads the labels back", () => {
    expect(codeSetLabel([])).toBe("none");
    expect(codeSetLabel(["self.inflexible", "cognition.inflexible", "self.inflexible"])).toBe("cognition.inflexible+self.inflexible");
    expect(parseCodeSetLabel("cognition.inflexible+self.inflexible")).toEqual(["cognition.inflexible", "self.inflexible"]);
    expect(() => parseCodeSetLabel("joy.flexible")).toThrow();
    const m = codeSetDistanceMatrix(["none", "cognition.flexible", "cognition.inflexible", "cognition.inflexible+self.inflexible"]);
    expect(m).toEqual([
      [0, 1, 1, 1],
      [1, 0, 0.5, 0.75],
      [1, 0.5, 0, 0.5],
      [1, 0.75, 0.5, 0],
    ]);
  });
});
