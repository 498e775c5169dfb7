import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { computeUnitizing } from "../agreement";
import { anchorSpan } from "./anchoring";
import { buildFadSpans, placeCodes, turnExtents, type PlacedCode, type SpanLayer } from "./fadSpans";
import { transcriptFragment, writeTurns } from "./transcriptDoc";

const turns = [
  { turnId: "t1", length: 10 },
  { turnId: "t2", length: 20 },
  { turnId: "t3", length: 5 },
];

function ok(turnId: string, startOffset: number, endOffset: number, dimension = "self", polarity = "inflexible"): PlacedCode {
  return { status: "ok", turnId, startOffset, endOffset, dimension, polarity } as PlacedCode;
}

describe("FAD span view", () => {
  it("lays the turns every coder has looked at end to end and places each code's span on that continuum by category", () => {
    const layers: SpanLayer[] = [
      { coderId: "a", codes: [ok("t2", 2, 8)], reviewed: ["t1", "t2"] },
      { coderId: "b", codes: [ok("t2", 3, 8), ok("t1", 0, 4, "cognition", "flexible")], reviewed: ["t1"] },
    ];
    const spans = buildFadSpans(turns, layers);
    // t3 was looked at by nobody: it is not on the continuum; t1 (0–10) and t2 (10–30) are.
    expect(spans.turnIds).toEqual(["t1", "t2"]);
    expect(spans.input?.unitizing).toEqual({
      begin: 0,
      length: 30,
      data: {
        a: [[12, 6, "self.inflexible"]],
        b: [
          [0, 4, "cognition.flexible"],
          [13, 5, "self.inflexible"],
        ],
      },
    });
  });

  it("leaves out turns one coder has not reached, counting the codes there as outside the continuum", () => {
    const spans = buildFadSpans(turns, [
      { coderId: "a", codes: [ok("t3", 0, 5)], reviewed: ["t1"] },
      { coderId: "b", codes: [], reviewed: ["t1"] },
    ]);
    expect(spans.turnIds).toEqual(["t1"]);
    expect(spans.outsideContinuum.a).toBe(1);
    expect(spans.input?.unitizing.data.a).toEqual([]);
  });

  it("merges one coder's overlapping spans of a category and keeps touching ones apart, so u-α accepts the input", () => {
    const spans = buildFadSpans(turns, [
      { coderId: "a", codes: [ok("t2", 0, 6), ok("t2", 4, 10), ok("t2", 10, 12), ok("t2", 5, 7, "self", "flexible")], reviewed: ["t2"] },
      { coderId: "b", codes: [ok("t2", 0, 12)], reviewed: ["t2"] },
    ]);
    expect(spans.input?.unitizing.data.a).toEqual([
      [0, 10, "self.inflexible"],
      [5, 2, "self.flexible"],
      [10, 2, "self.inflexible"],
    ]);
    const result = computeUnitizing(spans.input!);
    expect(result.n_coders).toBe(2);
    expect(Object.keys(result.krippendorff_unitizing_alpha_by_category).sort()).toEqual(["self.flexible", "self.inflexible"]);
  });

  it("counts orphaned and empty spans instead of placing them, and has no input without two coders", () => {
    const spans = buildFadSpans(turns, [
      { coderId: "a", codes: [{ status: "orphaned", dimension: "self", polarity: "flexible" }, ok("t1", 4, 4)], reviewed: ["t1"] },
    ]);
    expect(spans.orphaned.a).toBe(2);
    expect(spans.input).toBeNull();
  });

  it("resolves codes anchored in a transcript document, following the text as it is edited", () => {
    const doc = new Y.Doc();
    writeTurns(doc, [
      { id: "t1", speaker: "T", role: "therapist", start: null, end: null, text: "How was the week?" },
      { id: "t2", speaker: "C", role: "client", start: null, end: null, text: "I kept telling myself I am useless." },
    ]);
    const text = "I kept telling myself I am useless.";
    const at = text.indexOf("useless");
    const anchor = anchorSpan(doc, "t2", at, at + "useless".length);
    const code = { ...anchor, dimension: "self" as const, polarity: "inflexible" as const };
    // An edit before the span moves it.
    const t2 = transcriptFragment(doc).get(1) as Y.XmlElement;
    (t2.get(0) as Y.XmlText).insert(0, "Well, ");
    const [placed] = placeCodes(doc, [code]);
    expect(placed).toEqual({ status: "ok", turnId: "t2", startOffset: at + 6, endOffset: at + 13, dimension: "self", polarity: "inflexible" });
    expect(turnExtents(doc)).toEqual([
      { turnId: "t1", length: 17 },
      { turnId: "t2", length: text.length + 6 },
    ]);
  });
});
