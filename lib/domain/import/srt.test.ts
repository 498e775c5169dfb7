import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_LIMITS } from "./limits";
import { looksLikeSrt, parseSrt } from "./srt";

const parse = (text: string) => parseSrt(text, { ...DEFAULT_IMPORT_LIMITS });

describe("SRT import", () => {
  it("reads numbered cues with comma milliseconds and speaker prefixes in several styles", () => {
    const text = "1\n00:00:01,000 --> 00:00:04,000\nTHERAPIST: Hi.\n\n2\n00:00:04,500 --> 00:00:06,000\n[Client] Hello.\n\n3\n00:00:06,000 --> 00:00:07,000\n>> Therapist: Go on.\n";
    const result = parse(text);
    expect(result.ok && result.turns.map((t) => [t.speaker, t.role, t.start, t.end, t.text])).toEqual([
      ["THERAPIST", "therapist", 1, 4, "Hi."],
      ["Client", "client", 4.5, 6, "Hello."],
      ["THERAPIST", "therapist", 6, 7, "Go on."],
    ]);
  });

  it("strips <i>, <b>, <font> and {\\an8} markup and keeps sound captions like [laughs] as text, not speakers", () => {
    const result = parse("1\n00:00:01,000 --> 00:00:02,000\nClient: <font color=\"#fff\"><i>Well</i></font>\n{\\an8}[laughs] maybe.\n");
    expect(result.ok && result.turns).toEqual([{ speaker: "Client", role: "client", start: 1, end: 2, text: "Well [laughs] maybe." }]);
  });

  it("accepts cues without numbers and CRLF line ends", () => {
    const result = parse("00:00:01,000 --> 00:00:02,000\r\nT: a\r\n\r\n00:00:02,000 --> 00:00:03,000\r\nC: b\r\n");
    expect(result.ok && result.turns.map((t) => t.text)).toEqual(["a", "b"]);
  });

  it("names the line of a missing or broken timing", () => {
    expect(parse("1\nT: no timing here\n")).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 2: expected a subtitle timing such as 00:00:01,000 --> 00:00:04,000/) });
    expect(parse("1\n00:00:01,000 --> 00:00:xx,000\nT: a\n")).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 2: the subtitle timing .* is not valid/) });
  });

  it("recognises SRT by its first block, after leading blank lines", () => {
    expect(looksLikeSrt("\n\n1\n00:00:01,000 --> 00:00:02,000\nHi")).toBe(true);
    expect(looksLikeSrt("T: 1\nC: 2")).toBe(false);
  });
});
