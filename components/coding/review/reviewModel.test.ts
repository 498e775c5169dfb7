import { describe, expect, it } from "vitest";
import type { StoredCode } from "@/lib/domain/layerDoc";
import { codesFor, compareTurn } from "./reviewModel";

function code(id: string, dimension: StoredCode["dimension"], polarity: StoredCode["polarity"]): StoredCode {
  return { id, turnId: "t1", start: "AA==", end: "AA==", quote: `q-${id}`, dimension, polarity, at: 1 };
}

describe("compareTurn", () => {
  it("names each dimension's verdict: agree, only A, only B, opposite polarity", () => {
    const a = [code("a1", "cognition", "inflexible"), code("a2", "emotion", "inflexible"), code("a3", "self", "flexible")];
    const b = [code("b1", "cognition", "inflexible"), code("b2", "overt_behavior", "inflexible"), code("b3", "self", "inflexible")];
    const result = compareTurn("t1", a, b);
    expect(result.rows.map((r) => [r.dimension, r.verdict])).toEqual([
      ["emotion", "only_a"],
      ["cognition", "agree"],
      ["self", "opposite"],
      ["overt_behavior", "only_b"],
    ]);
    expect(result.disagreement).toBe(true);
  });

  it("treats the same poles in a dimension as agreement, however many spans each coder marked", () => {
    const result = compareTurn("t1", [code("a1", "cognition", "inflexible"), code("a2", "cognition", "inflexible")], [code("b1", "cognition", "inflexible")]);
    expect(result.disagreement).toBe(false);
  });

  it("settles on A's, B's, both or only the agreed codes", () => {
    const comparison = compareTurn("t1", [code("a1", "cognition", "inflexible"), code("a2", "emotion", "inflexible")], [code("b1", "cognition", "inflexible"), code("b2", "emotion", "flexible")]);
    const labels = (kind: Parameters<typeof codesFor>[0]) => codesFor(kind, comparison).map((c) => `${c.dimension}:${c.polarity}`).sort();
    expect(labels("accept_a")).toEqual(["cognition:inflexible", "emotion:inflexible"]);
    expect(labels("accept_b")).toEqual(["cognition:inflexible", "emotion:flexible"]);
    expect(labels("both")).toEqual(["cognition:inflexible", "emotion:flexible", "emotion:inflexible"]);
    expect(labels("neither")).toEqual(["cognition:inflexible"]);
  });
});
