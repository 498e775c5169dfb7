import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_LIMITS } from "./limits";
import { parseVtt } from "./vtt";

const parse = (text: string) => parseVtt(text, { ...DEFAULT_IMPORT_LIMITS });

describe("WebVTT import", () => {
  it("reads <v> and <v.class> voice tags, closing </v>, and strips <c>, <i>, <b> and timestamp tags", () => {
    const result = parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v.first.loud Dana Levi><b>Hi</b> <c.x>there</c><00:00:01.500> you.</v>\n");
    expect(result.ok && result.turns).toEqual([{ speaker: "Dana Levi", role: "other", start: 1, end: 2, text: "Hi there you." }]);
  });

  it("splits one cue with two voices into two turns with the cue's timing", () => {
    const result = parse("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Therapist>And then?</v>\n<v Client>Nothing.</v>\n");
    expect(result.ok && result.turns.map((t) => [t.speaker, t.start, t.end, t.text])).toEqual([
      ["Therapist", 1, 3, "And then?"],
      ["Client", 1, 3, "Nothing."],
    ]);
  });

  it("merges consecutive cues of one voice: the first start, the last end, the words in order", () => {
    const result = parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Client>One.\n\n00:00:02.000 --> 00:00:03.500\n<v Client>Two.\n\n00:00:04.000 --> 00:00:05.000\n<v Therapist>Three.\n");
    expect(result.ok && result.turns.map((t) => [t.speaker, t.start, t.end, t.text])).toEqual([
      ["Client", 1, 3.5, "One. Two."],
      ["Therapist", 4, 5, "Three."],
    ]);
  });

  it("skips NOTE, STYLE and REGION blocks and the header's title, and accepts identifiers, settings and mm:ss.mmm", () => {
    const text = "WEBVTT Session title\nKind: captions\n\nNOTE a note\nwith two lines\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r1\n\ncue-1\n01:02.500 --> 01:05.000 align:start line:0\n<v T>Hi.\n";
    expect(parse(text)).toEqual({ ok: true, turns: [{ speaker: "T", role: "therapist", start: 62.5, end: 65, text: "Hi." }], warnings: [] });
  });

  it("decodes HTML entities in text and speaker names", () => {
    const result = parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Client>Me &amp; you &lt;3&gt;&nbsp;&#8212; &#x2019;ok&apos; &unknown;</v>\n");
    expect(result.ok && result.turns[0]?.text).toBe("Me & you <3> — ’ok' &unknown;");
  });

  it("reads speaker prefixes when there are no voice tags, and continues the last speaker on unlabelled cues", () => {
    const result = parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nClient: I am\n\n00:00:02.000 --> 00:00:03.000\nstill here.\n\n00:00:03.000 --> 00:00:04.000\n- Therapist: Yes.\n- Client: Yes.\n");
    expect(result.ok && result.turns.map((t) => [t.speaker, t.start, t.end, t.text])).toEqual([
      ["Client", 1, 3, "I am still here."],
      ["Therapist", 3, 4, "Yes."],
      ["Client", 3, 4, "Yes."],
    ]);
  });

  it("makes each cue its own 'Unknown' turn, with a warning, when no cue names a speaker", () => {
    const result = parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n\n00:00:02.000 --> 00:00:03.000\nHi.\n");
    expect(result).toMatchObject({ ok: true, warnings: [expect.stringMatching(/does not name its speakers/)] });
    expect(result.ok && result.turns.map((t) => [t.speaker, t.text])).toEqual([["Unknown", "Hello."], ["Unknown", "Hi."]]);
  });

  it("refuses a file whose first line is not WEBVTT", () => {
    expect(parse("WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nHi\n")).toEqual({ ok: false, error: "This file is not a WebVTT subtitle file: the first line must be WEBVTT." });
  });

  it("refuses a broken timestamp, a cue that ends before it starts, and a block without timing, naming the line", () => {
    expect(parse("WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHi\n")).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 3: the cue timing "00:00:01\.000 --> 00:00:0x\.000" is not valid/) });
    expect(parse("WEBVTT\n\n00:00:01.000 --> 00:61:00.000\nHi\n")).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 3: .*not valid/) });
    expect(parse("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nHi\n")).toEqual({ ok: false, error: "Line 3: the cue ends before it starts." });
    expect(parse("WEBVTT\n\nHello there\nno timing\n")).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 3: this block has no cue timing/) });
  });

  it("refuses a file with no cues", () => {
    expect(parse("WEBVTT\n\nNOTE nothing here\n")).toEqual({ ok: false, error: "This WebVTT file has no cues." });
  });
});
