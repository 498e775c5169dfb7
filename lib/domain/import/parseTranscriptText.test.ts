import { describe, expect, it } from "vitest";
import { parseTranscriptText } from "./parseTranscriptText";

const lines = (n: number, speaker: (i: number) => string) => Array.from({ length: n }, (_, i) => `${speaker(i)}: line ${i}`).join("\n");

describe("parsing transcript text with limits", () => {
  it("reads WebVTT and SRT pasted or saved as text, and says so in a warning", () => {
    const vtt = parseTranscriptText("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Client>Hi\n", { format: "txt" });
    expect(vtt).toMatchObject({ ok: true, format: "vtt", warnings: ["The file is named as plain text but holds WebVTT subtitles; it was read as WebVTT subtitles."] });
    const srt = parseTranscriptText("1\n00:00:01,000 --> 00:00:02,000\nClient: Hi\n");
    expect(srt).toMatchObject({ ok: true, format: "srt", warnings: [] });
  });

  it("reads plain text when no format is given and the text is not subtitles", () => {
    expect(parseTranscriptText("T: Hi\nC: Hello")).toMatchObject({ ok: true, format: "txt" });
  });

  it("accepts exactly the turn limit and refuses one turn more", () => {
    const alternating = (i: number) => (i % 2 === 0 ? "T" : "C");
    expect(parseTranscriptText(lines(5000, alternating))).toMatchObject({ ok: true, turns: { length: 5000 } });
    expect(parseTranscriptText(lines(5001, alternating))).toEqual({
      ok: false,
      error: "This transcript has more than 5,000 turns, the most Coflex imports at once. Split it into parts.",
    });
  });

  it("refuses a line longer than 20,000 characters and names it", () => {
    expect(parseTranscriptText(`T: ok\nC: ${"a".repeat(20_000)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 2 is longer than 20,000 characters/) });
    expect(parseTranscriptText(`T: ${"a".repeat(19_990)}`)).toMatchObject({ ok: true });
  });

  it("refuses a turn longer than the turn limit, built from many lines", () => {
    const long = `T: start\n${Array.from({ length: 60 }, () => "b".repeat(1000)).join("\n")}`;
    expect(parseTranscriptText(long)).toMatchObject({ ok: false, error: expect.stringMatching(/^Turn 1 is longer than 50,000 characters/) });
  });

  it("refuses text over the size limit and text with NUL characters", () => {
    expect(parseTranscriptText("T: hello there", { limits: { maxFileBytes: 5 } })).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 5 bytes/) });
    expect(parseTranscriptText("T: a\u0000b")).toMatchObject({ ok: false, error: expect.stringMatching(/binary data/) });
  });

  it("never returns part of a file: an error late in the file means no turns at all", () => {
    const result = parseTranscriptText("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v T>ok\n\n00:00:03.000 --> bad\n<v C>no\n", { format: "vtt" });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Line 6:/) });
    expect("turns" in result).toBe(false);
  });
});
