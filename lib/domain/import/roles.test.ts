import { describe, expect, it } from "vitest";
import { applySpeakerRoles, roleForSpeaker, speakersOf } from "./roles";
import type { ParsedTurn } from "./types";

describe("speaker roles", () => {
  it("guesses therapist and client from role words and short tags, and 'other' for names", () => {
    const guesses = ["T", "Therapist", "counsellor", "Counselor 2", "Clinician", "Dr. Levi", "C", "client", "Patient A", "CLIENT", "Dana", "Dr", "Client Dana Levi"].map(roleForSpeaker);
    expect(guesses).toEqual(["therapist", "therapist", "therapist", "therapist", "therapist", "therapist", "client", "client", "client", "client", "other", "other", "other"]);
  });

  const turns: ParsedTurn[] = [
    { speaker: "Dana", role: "other", start: 0, end: 1, text: "a" },
    { speaker: "Sam", role: "other", start: 1, end: 2, text: "b" },
    { speaker: "Dana", role: "other", start: 2, end: 3, text: "c" },
  ];

  it("lists each speaker once in order of appearance with a turn count", () => {
    expect(speakersOf(turns)).toEqual([{ speaker: "Dana", role: "other", turnCount: 2 }, { speaker: "Sam", role: "other", turnCount: 1 }]);
  });

  it("applies a person's role choices per speaker without touching the input or other speakers", () => {
    const updated = applySpeakerRoles(turns, { Dana: "therapist" });
    expect(updated.map((t) => t.role)).toEqual(["therapist", "other", "therapist"]);
    expect(turns[0]?.role).toBe("other");
    expect(applySpeakerRoles(turns, new Map([["Sam", "client" as const]])).map((t) => t.role)).toEqual(["other", "client", "other"]);
    const inherited = [{ speaker: "constructor", role: "other" as const, start: null, end: null, text: "x" }];
    expect(applySpeakerRoles(inherited, {}).map((t) => t.role)).toEqual(["other"]);
  });
});
