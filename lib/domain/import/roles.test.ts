import { describe, expect, it } from "vitest";
import { applySpeakerRoles, inferClientSpeaker, roleForSpeaker, speakersOf } from "./roles";
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

  it("takes the one named speaker beside the therapist for the client, or the one the therapist addresses by first name", () => {
    const turn = (speaker: string, role: ParsedTurn["role"], text: string): ParsedTurn => ({ speaker, role, start: null, end: null, text });
    const roles = (turns: ParsedTurn[]) => inferClientSpeaker(turns).map((t) => `${t.speaker}/${t.role}`);
    expect(roles([turn("Therapist", "therapist", "Hello."), turn("Jonas Weber", "other", "Hi."), turn("Therapist", "therapist", "So.")])).toEqual([
      "Therapist/therapist", "Jonas Weber/client", "Therapist/therapist",
    ]);
    const three = [turn("Dr. Levi", "therapist", "Welcome, both. Jonas, where shall we start?"), turn("Jonas Weber", "other", "Me."), turn("Anke Weber", "other", "Him.")];
    expect(roles(three)).toEqual(["Dr. Levi/therapist", "Jonas Weber/client", "Anke Weber/other"]);
    // Left open: no therapist, both addressed, or a client already marked.
    expect(roles([turn("Dana", "other", "Hi Sam."), turn("Sam", "other", "Hi.")])).toEqual(["Dana/other", "Sam/other"]);
    expect(roles([turn("T", "therapist", "Jonas, Anke, welcome."), turn("Jonas", "other", "Hi."), turn("Anke", "other", "Hi.")])).toEqual(["T/therapist", "Jonas/other", "Anke/other"]);
    expect(roles([turn("T", "therapist", "Hi."), turn("C", "client", "Hi."), turn("Nurse Ada", "other", "Hi.")])).toEqual(["T/therapist", "C/client", "Nurse Ada/other"]);
  });
});
