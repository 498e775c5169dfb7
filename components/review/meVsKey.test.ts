import { describe, expect, it } from "vitest";
import { codeSetMask } from "@/lib/domain/fadDistance";
import { compareWithKey, verdictText } from "./meVsKey";

const m = codeSetMask;

describe("compareWithKey", () => {
  it("says the same when the code sets match, and names the codes a trainee missed or added", () => {
    expect(verdictText(compareWithKey(m(["cognition.inflexible"]), m(["cognition.inflexible"])))).toBe("Same as the key.");
    expect(verdictText(compareWithKey(0, 0))).toBe("Same as the key: no code.");
    expect(verdictText(compareWithKey(0, m(["self.inflexible"])))).toBe("You gave no code where the key has SELF·I.");
    expect(verdictText(compareWithKey(m(["self.inflexible"]), m(["self.inflexible", "cognition.inflexible"])))).toBe("The key also has COG·I.");
    expect(verdictText(compareWithKey(m(["emotion.flexible"]), m(["self.inflexible"])))).toBe("The key has SELF·I, which you did not code; you added EMO·F, which the key does not have.");
    expect(verdictText(compareWithKey(m(["emotion.flexible"]), 0))).toBe("You added EMO·F, which the key does not have.");
  });

  it("tells the other pole of the same dimension apart from a missed code", () => {
    const v = compareWithKey(m(["cognition.flexible", "overt_behavior.inflexible"]), m(["cognition.inflexible", "overt_behavior.inflexible"]));
    expect(v.flipped).toHaveLength(1);
    expect(v.missed).toEqual([]);
    expect(v.both).toHaveLength(1);
    expect(verdictText(v)).toBe("You read COG·F where the key has COG·I (other pole).");
  });
});
