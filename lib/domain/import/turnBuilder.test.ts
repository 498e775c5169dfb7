import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_LIMITS } from "./limits";
import { TurnBuilder } from "./turnBuilder";

describe("building turns from cues", () => {
  it("merges consecutive pieces of one speaker: first start, last end, words joined with one space", () => {
    const builder = new TurnBuilder({ ...DEFAULT_IMPORT_LIMITS });
    builder.add({ speaker: "Client", start: 1, end: 2, text: " One\n" });
    builder.add({ speaker: "client", start: 2, end: 4, text: "two  three" });
    builder.add({ speaker: "Therapist", start: 5, end: 6, text: "Four" });
    expect(builder.finish()).toEqual([
      { speaker: "Client", role: "client", start: 1, end: 4, text: "One two three" },
      { speaker: "Therapist", role: "therapist", start: 5, end: 6, text: "Four" },
    ]);
  });

  it("shows a speaker with the first spelling it had, whatever the case later", () => {
    const builder = new TurnBuilder({ ...DEFAULT_IMPORT_LIMITS });
    for (const speaker of ["Therapist", "CLIENT", "THERAPIST", "Client"]) builder.add({ speaker, start: null, end: null, text: "x" });
    expect(builder.finish().map((t) => t.speaker)).toEqual(["Therapist", "CLIENT", "Therapist", "CLIENT"]);
  });

  it("does not merge when told not to (speakerless subtitles) and drops turns left without words", () => {
    const builder = new TurnBuilder({ ...DEFAULT_IMPORT_LIMITS }, { merge: false });
    builder.add({ speaker: "Unknown", start: 0, end: 1, text: "a" });
    builder.add({ speaker: "Unknown", start: 1, end: 2, text: "   " });
    builder.add({ speaker: "Unknown", start: 2, end: 3, text: "b" });
    expect(builder.finish().map((t) => t.text)).toEqual(["a", "b"]);
  });

  it("fails as soon as the turn count or a turn's length passes its limit", () => {
    const few = new TurnBuilder({ ...DEFAULT_IMPORT_LIMITS, maxTurns: 2 });
    expect(few.add({ speaker: "A", start: null, end: null, text: "1" })).toBeNull();
    expect(few.add({ speaker: "B", start: null, end: null, text: "2" })).toBeNull();
    expect(few.add({ speaker: "A", start: null, end: null, text: "3" })).toMatch(/^This transcript has more than 2 turns/);
    const short = new TurnBuilder({ ...DEFAULT_IMPORT_LIMITS, maxTurnChars: 10 });
    expect(short.add({ speaker: "A", start: null, end: null, text: "12345" })).toBeNull();
    expect(short.add({ speaker: "A", start: null, end: null, text: "67890" })).toMatch(/^Turn 1 is longer than 10 characters/);
  });
});
