import { describe, expect, it } from "vitest";
import { codeSetMask, type FadCode } from "@/lib/domain/fadDistance";
import type { CoderMasks } from "./agreementData";
import { MISSING, cellValue, confusion, disagreementsByTurn, hotspots, topConfusions } from "./unitModel";

const m = (...codes: FadCode[]): number => codeSetMask(codes);
const coder = (id: string, masks: number[]): CoderMasks => ({ id, name: id, masks });

function cell(c: ReturnType<typeof confusion>, row: string, column: string): number {
  return c.counts[c.categories.indexOf(row as FadCode)]![c.categories.indexOf(column as FadCode)]!;
}

describe("cellValue", () => {
  it("reads a dimension's value from a code-set mask", () => {
    const mask = m("cognition.inflexible", "self.flexible", "self.inflexible");
    expect(cellValue(mask, "cognition")).toBe("inflexible");
    expect(cellValue(mask, "self")).toBe("both");
    expect(cellValue(mask, "emotion")).toBe("none");
    expect(cellValue(MISSING, "emotion")).toBe("missing");
  });
});

describe("disagreements and hotspots", () => {
  it("count only coders who looked at the turn", () => {
    const a = coder("a", [m("cognition.inflexible"), m("emotion.inflexible", "self.inflexible"), 0, MISSING]);
    const b = coder("b", [m("cognition.inflexible"), m("emotion.flexible"), m("attention.flexible"), m("cognition.flexible")]);
    expect(disagreementsByTurn([a, b], 4)).toEqual([
      { turn: 1, dimensions: ["emotion", "self"] },
      { turn: 2, dimensions: ["attention"] },
    ]);
  });

  it("pick turns with two or more disagreeing dimensions, else the worst single ones", () => {
    expect(hotspots([{ turn: 5, dimensions: ["emotion"] }, { turn: 2, dimensions: ["emotion", "self"] }])).toEqual([2]);
    expect(hotspots([{ turn: 5, dimensions: ["emotion"] }, { turn: 2, dimensions: ["self"] }])).toEqual([2, 5]);
    expect(hotspots([])).toEqual([]);
  });
});

describe("confusion", () => {
  it("puts identical codes on the diagonal and the other pole next to it", () => {
    const a = coder("a", [m("cognition.inflexible"), m("self.inflexible"), m("emotion.inflexible")]);
    const b = coder("b", [m("cognition.inflexible"), m("self.flexible"), m("attention.inflexible")]);
    const c = confusion(a, b);
    expect(c.turns).toBe(3);
    expect(c.agreedTurns).toBe(1);
    expect(cell(c, "cognition.inflexible", "cognition.inflexible")).toBe(1);
    expect(cell(c, "self.inflexible", "self.flexible")).toBe(1);
    expect(cell(c, "emotion.inflexible", "attention.inflexible")).toBe(1);
  });

  it("counts a code the other coder did not see against none, and an uncoded turn once", () => {
    const a = coder("a", [m("cognition.inflexible", "overt_behavior.inflexible"), 0, 0, MISSING]);
    const b = coder("b", [m("cognition.inflexible"), 0, m("motivation.flexible"), m("motivation.flexible")]);
    const c = confusion(a, b);
    expect(c.turns).toBe(3);
    expect(cell(c, "overt_behavior.inflexible", "none")).toBe(1);
    expect(cell(c, "none", "motivation.flexible")).toBe(1);
    expect(cell(c, "none", "none")).toBe(1);
    expect(topConfusions(c).map((x) => [x.row, x.column])).toEqual([
      ["overt_behavior.inflexible", "none"],
      ["none", "motivation.flexible"],
    ]);
  });
});
