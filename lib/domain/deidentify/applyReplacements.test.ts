import { describe, expect, it } from "vitest";
import { applyReplacements } from "./applyReplacements";
import { findIdentifiers } from "./findIdentifiers";

describe("applying accepted replacements", () => {
  const turns = [
    { speaker: "C", role: "client" as const, start: 1, end: 2, text: "I told Jenna on 2 August; call 020 7946 0018." },
    { speaker: "T", role: "therapist" as const, start: 2, end: 3, text: "And Jenna said?" },
  ];

  it("replaces accepted candidates, right to left, and changes nothing else in the turns", () => {
    const accepted = findIdentifiers(turns);
    const result = applyReplacements(turns, accepted);
    expect(result).toEqual([
      { speaker: "C", role: "client", start: 1, end: 2, text: "I told [PERSON-1] on [DATE]; call [PHONE]." },
      { speaker: "T", role: "therapist", start: 2, end: 3, text: "And [PERSON-1] said?" },
    ]);
    expect(turns[0]?.text).toBe("I told Jenna on 2 August; call 020 7946 0018.");
  });

  it("applies only the accepted ones, with the reviewer's edited pseudonym", () => {
    const [jenna] = findIdentifiers(turns);
    expect(jenna).toBeDefined();
    const result = applyReplacements(turns, jenna ? [{ ...jenna, proposal: "[SISTER]" }] : []);
    expect(result.map((t) => t.text)).toEqual(["I told [SISTER] on 2 August; call 020 7946 0018.", "And Jenna said?"]);
  });

  it("merges overlapping accepted spans so no part of either survives", () => {
    const result = applyReplacements([{ text: "Dr Sarah Whitfield came." }], [
      { turnIndex: 0, start: 3, end: 8, proposal: "[PERSON-1]" },
      { turnIndex: 0, start: 3, end: 18, proposal: "[PERSON-1]" },
      { turnIndex: 0, start: 9, end: 18, proposal: "[PERSON-2]" },
    ]);
    expect(result[0]?.text).toBe("Dr [PERSON-1] came.");
  });

  it("throws on a replacement outside its turn or whose text no longer matches (stale candidates)", () => {
    expect(() => applyReplacements(turns, [{ turnIndex: 5, start: 0, end: 1, proposal: "x" }])).toThrow(RangeError);
    expect(() => applyReplacements(turns, [{ turnIndex: 0, start: 40, end: 400, proposal: "x" }])).toThrow(RangeError);
    expect(() => applyReplacements(turns, [{ turnIndex: 0, start: 7, end: 12, proposal: "x", text: "Jenny" }])).toThrow(/no longer matches/);
  });
});
