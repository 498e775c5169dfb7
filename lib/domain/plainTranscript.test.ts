import { describe, expect, it } from "vitest";
import { parsePlainTranscript } from "./plainTranscript";

describe("plain-text transcript import", () => {
  it("reads speaker lines, maps T/C and names to roles, and merges one speaker's consecutive lines", () => {
    const result = parsePlainTranscript("T: Hello.\nC: Hi.\nC: I slept badly.\nAlex: Me too.\n");
    expect(result).toEqual({
      ok: true,
      turns: [
        { speaker: "T", role: "therapist", start: null, end: null, text: "Hello." },
        { speaker: "C", role: "client", start: null, end: null, text: "Hi. I slept badly." },
        { speaker: "Alex", role: "other", start: null, end: null, text: "Me too." },
      ],
    });
  });

  it("takes [hh:mm:ss] stamps as start times and closes the previous turn there", () => {
    const result = parsePlainTranscript("[00:01:05] Therapist: What shows up?\n[00:01:09] Client: Worry.\n");
    expect(result.ok && result.turns.map((t) => [t.start, t.end])).toEqual([[65, 69], [69, null]]);
  });

  it("continues a turn on lines without a speaker", () => {
    const result = parsePlainTranscript("Client: I keep thinking\nthat I'm useless.");
    expect(result.ok && result.turns[0]?.text).toBe("I keep thinking that I'm useless.");
  });

  it("refuses text without any speaker, empty text and binary data with a clear message", () => {
    expect(parsePlainTranscript("just some words")).toMatchObject({ ok: false, error: expect.stringMatching(/no speaker/) });
    expect(parsePlainTranscript("   \n\n")).toMatchObject({ ok: false, error: expect.stringMatching(/No turns/) });
    expect(parsePlainTranscript("T: a\u0000b")).toMatchObject({ ok: false, error: expect.stringMatching(/binary/) });
  });
});
