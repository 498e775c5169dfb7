import { describe, expect, it } from "vitest";
import { codeSetMask } from "./fadDistance";
import { buildGroupReview, reviewOrder, turnInvolves } from "./groupReview";

const COG_I = codeSetMask(["cognition.inflexible"]);
const COG_F = codeSetMask(["cognition.flexible"]);
const BEH_I = codeSetMask(["overt_behavior.inflexible"]);
const BIT = { cogF: 2, cogI: 3, behI: 11 };

describe("buildGroupReview", () => {
  const input = {
    units: ["t1", "t2", "t3"],
    coders: ["key", "a", "b", "c", "d"],
    masks: {
      key: [COG_I, 0, BEH_I],
      a: [COG_I, 0, -1],
      b: [COG_I, 0, BEH_I],
      c: [COG_F, 0, COG_I | BEH_I],
      d: [BEH_I, 0, 0],
    },
    keyCoderId: "key",
    withCoders: true,
  };

  it("counts each code over the cohort without the key, and shows the key beside it", () => {
    const review = buildGroupReview(input);
    expect(review.cohort).toEqual(["a", "b", "c", "d"]);
    const t1 = review.turns[0]!;
    expect(t1.looked).toBe(4);
    expect(t1.counts[BIT.cogI]).toBe(2);
    expect(t1.counts[BIT.cogF]).toBe(1);
    expect(t1.counts[BIT.behI]).toBe(1);
    expect(t1.key).toBe(COG_I);
    expect(t1.matchKey).toBe(2);
    expect(t1.coders?.[BIT.cogI]).toEqual([0, 1]);
  });

  it("leaves coders who did not look at a turn out of its counts, and counts those who looked and coded nothing", () => {
    const review = buildGroupReview(input);
    const t3 = review.turns[2]!;
    expect(t3.looked).toBe(3);
    expect(t3.none).toBe(1);
    expect(t3.noneCoders).toEqual([3]);
    expect(t3.counts[BIT.behI]).toBe(2);
  });

  it("measures disagreement as the mean pairwise form-aware distance: 0 when all agree, opposite pole counts half", () => {
    const review = buildGroupReview(input);
    expect(review.turns[1]!.disagreement).toBe(0);
    // Pairs on t1: a=b (0), a–c 0.5, b–c 0.5, a–d 1, b–d 1, c–d 1 → 4 / 6.
    expect(review.turns[0]!.disagreement).toBeCloseTo(4 / 6, 12);
    // Cognition alone on t1: a, b inflexible; c flexible; d none → 5 of 6 pairs differ.
    expect(review.turns[0]!.byDimension[1]).toBeCloseTo(5 / 6, 12);
  });

  it("has no disagreement value where fewer than two cohort coders looked", () => {
    const review = buildGroupReview({ ...input, units: ["t1"], coders: ["key", "a"], masks: { key: [COG_I], a: [COG_I] } });
    expect(review.turns[0]!.disagreement).toBeNull();
  });

  it("keeps coder lists out unless names are to be shown", () => {
    const review = buildGroupReview({ ...input, withCoders: false });
    expect(review.turns[0]!.coders).toBeUndefined();
    expect(review.turns[0]!.noneCoders).toBeUndefined();
  });

  it("treats everyone as the cohort when the exercise has no key", () => {
    const review = buildGroupReview({ ...input, keyCoderId: null });
    expect(review.cohort).toHaveLength(5);
    expect(review.turns[0]!.key).toBeNull();
    expect(review.turns[0]!.matchKey).toBe(0);
  });
});

describe("reviewOrder", () => {
  const review = buildGroupReview({
    units: ["t1", "t2", "t3"],
    coders: ["a", "b"],
    masks: { a: [COG_I, COG_I, COG_I], b: [COG_F, COG_I, BEH_I] },
    keyCoderId: null,
    withCoders: false,
  });

  it("puts hotspots first, ties in transcript order", () => {
    expect(reviewOrder(review.turns, "disagreement")).toEqual([2, 0, 1]);
  });

  it("keeps transcript order when asked", () => {
    expect(reviewOrder(review.turns, "turn")).toEqual([0, 1, 2]);
  });

  it("ranks by one dimension's disagreement when filtered", () => {
    // Behaviour (dimension 5) differs only on t3.
    expect(reviewOrder(review.turns, "disagreement", 5)[0]).toBe(2);
    expect(turnInvolves(review.turns[2]!, 5)).toBe(true);
    expect(turnInvolves(review.turns[0]!, 5)).toBe(false);
  });
});
