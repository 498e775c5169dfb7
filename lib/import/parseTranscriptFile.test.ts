import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_DIR } from "../../tests/fixtures/import/binaryFixtures";
import type { ImportResult, ParsedTurn } from "../domain/import/types";
import { parseTranscriptFile } from "./parseTranscriptFile";

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURE_DIR, name)));
const importFixture = (name: string): Promise<ImportResult> => parseTranscriptFile(fixture(name), name);

async function turnsOf(name: string): Promise<ParsedTurn[]> {
  const result = await importFixture(name);
  if (!result.ok) throw new Error(`${name} failed: ${result.error}`);
  return result.turns;
}

const brief = (turns: readonly ParsedTurn[]) => turns.map((t) => [t.speaker, t.role, t.start, t.end]);

describe("importing the good fixtures", () => {
  it("therapist-client.txt: T:/C: and full role words, continuation lines, same-speaker lines merged", async () => {
    const turns = await turnsOf("therapist-client.txt");
    expect(brief(turns)).toEqual([
      ["T", "therapist", null, null], ["C", "client", null, null], ["T", "therapist", null, null], ["C", "client", null, null],
      ["T", "therapist", null, null], ["C", "client", null, null], ["Therapist", "therapist", null, null], ["Client", "client", null, null],
    ]);
    expect(turns[1]?.text).toBe("Honestly, pretty rough. I kept waking up at four and going over everything I said at work. Every single conversation.");
    expect(turns[3]?.text).toBe("That I'm going to get found out. That I'm not good enough for the job and that everybody can see it.");
  });

  it("names-stamps.txt: names, stamps in four positions, ends taken from the next turn's start", async () => {
    const turns = await turnsOf("names-stamps.txt");
    expect(brief(turns)).toEqual([
      ["Dana", "other", 5, 12], ["Sam", "other", 12, 40], ["Dana", "other", 40, 62],
      ["Sam", "other", 62, 80], ["Dana", "other", 80, 95], ["Sam", "other", 95, null],
    ]);
    expect(turns[1]?.text).toBe("Right. I didn't pick up. I watched it ring and felt my chest go tight. Then I turned the phone over so I couldn't see it.");
    expect(turns[3]?.text).toBe("Relief, for about a minute. Then guilt. It came back twice as strong.");
    expect(turns[5]?.text).toBe("Okay. Yes.");
  });

  it("voice-tags.vtt: voices, merged cues, NOTE/STYLE skipped, tags stripped, entities decoded, two voices in one cue", async () => {
    const result = await importFixture("voice-tags.vtt");
    expect(result).toMatchObject({ ok: true, format: "vtt", warnings: [] });
    const turns = result.ok ? result.turns : [];
    expect(brief(turns)).toEqual([
      ["Therapist", "therapist", 1, 4.5], ["Client", "client", 5, 10], ["Therapist", "therapist", 10.5, 14],
      ["Client", "client", 15, 19.75], ["Therapist", "therapist", 20, 23], ["Client", "client", 20, 23],
    ]);
    expect(turns[1]?.text).toBe("Tired. & a bit on edge, to be honest. I had the dream again – the one about the exam.");
    expect(turns[2]?.text).toBe("The exam dream. What stayed with you after you woke up?");
    expect(turns[3]?.text).toBe("That I'd failed <everything> and everyone knew.");
  });

  it("prefixes.vtt: speaker prefixes without voice tags, an unlabelled cue continuing the client", async () => {
    const turns = await turnsOf("prefixes.vtt");
    expect(brief(turns)).toEqual([
      ["Therapist", "therapist", 0.5, 3], ["Client", "client", 3.5, 9.5], ["Therapist", "therapist", 10, 13],
      ["Client", "client", 10, 13], ["Therapist", "therapist", 13.5, 16],
    ]);
    expect(turns[1]?.text).toBe("With the argument on Sunday, I think. It's been going round and round in my head.");
    expect(turns[4]?.text).toBe('"I always ruin things." That\'s a heavy story to carry.');
  });

  it("session.srt: upper-case, dashed and bracketed prefixes, {\\an8} and <i>/<b> stripped, [laughs] kept as words", async () => {
    const turns = await turnsOf("session.srt");
    expect(brief(turns)).toEqual([
      ["THERAPIST", "therapist", 1, 4], ["CLIENT", "client", 4.5, 10.25], ["THERAPIST", "therapist", 11, 14],
      ["CLIENT", "client", 11, 14], ["THERAPIST", "therapist", 14.5, 18], ["CLIENT", "client", 18, 21.5],
    ]);
    expect(turns[0]?.text).toBe("Last time you said you wanted to try going to the gym again.");
    expect(turns[1]?.text).toBe("I went once. Once. And I left after ten minutes.");
    expect(turns[5]?.text).toBe("[laughs] Yes, I suppose that counts for something.");
  });

  it("quoted.csv: columns by header name, quoted commas, doubled quotes and a line break, mixed time formats", async () => {
    const result = await importFixture("quoted.csv");
    expect(result).toMatchObject({ ok: true, format: "csv" });
    const turns = result.ok ? result.turns : [];
    expect(brief(turns)).toEqual([
      ["Therapist", "therapist", 0, 4.5], ["Client", "client", 5, 11.25], ["Therapist", "therapist", 12, null],
      ["Client", "client", null, null], ["Therapist", "therapist", 62.5, 70],
    ]);
    expect(turns[0]?.text).toBe("Let's pick up from last week, shall we?");
    expect(turns[1]?.text).toBe("Sure. I tried the exercise, but, honestly, it felt silly.");
    expect(turns[3]?.text).toBe('Like I was "pretending" to be calm. And then I got annoyed with myself.');
    expect(turns[4]?.text).toBe("That second part matters. What did the annoyed voice say?");
  });

  it("session.docx: bold speaker runs with stamps, a continuation paragraph, a soft line break and a tab", async () => {
    const result = await importFixture("session.docx");
    expect(result).toMatchObject({ ok: true, format: "docx", warnings: [] });
    const turns = result.ok ? result.turns : [];
    expect(brief(turns)).toEqual([
      ["Therapist", "therapist", 3, 9], ["Client", "client", 9, 21], ["Therapist", "therapist", 21, 34],
      ["Client", "client", 34, 47], ["Therapist", "therapist", 47, null],
    ]);
    expect(turns[1]?.text).toBe("With the presentation, I suppose. I cancelled it again. I told them I was ill, which wasn't really true.");
    expect(turns[3]?.text).toBe("Panic. My hands were shaking. I thought everyone would see.");
  });

  it("table.docx: a time | speaker | text table with a header row and a continuation row", async () => {
    const turns = await turnsOf("table.docx");
    expect(brief(turns)).toEqual([["Counsellor", "therapist", 2, 6], ["Client", "client", 6, 15], ["Counsellor", "therapist", 15, null]]);
    expect(turns[1]?.text).toBe("Up and down. Mostly down, if I'm honest.");
  });

  it("utf16le-bom.txt: Notepad's UTF-16 with accents, a dash and a curly apostrophe intact", async () => {
    const turns = await turnsOf("utf16le-bom.txt");
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([
      ["Therapist", "How are things with Zoë since the café closed?"],
      ["Client", "Better — I’m sleeping more. Still anxious, though."],
    ]);
  });
});

describe("refusing the malformed fixtures with a clear message", () => {
  it.each([
    ["empty.txt", /^This file is empty\.$/],
    ["binary.txt", /^This \.txt file contains binary data, not text\./],
    ["invalid-utf8.txt", /^This \.txt file is not UTF-8 text \(the first unreadable character is on line 2\)/],
    ["broken-timestamp.vtt", /^Line 6: the cue timing "00:00:05\.000 --> 00:00:0x\.500" is not valid\./],
    ["not-webvtt.vtt", /^This file is not a WebVTT subtitle file: the first line must be WEBVTT\.$/],
    ["missing-column.csv", /^Row 4 has 3 columns, but the header has 4\./],
    ["zip-bomb.docx", /^This Word document would expand to more than 50 MB when opened/],
    ["not-a-zip.docx", /^This \.docx file is not a Word document: a \.docx file is a zip archive, and this one is not\./],
  ])("%s", async (name, message) => {
    const result = await importFixture(name);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(message) });
  });
});

describe("choosing the parser and applying file limits", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("refuses file types it does not import, with a hint for old .doc files", async () => {
    expect(await parseTranscriptFile(utf8("x"), "session.pdf")).toEqual({
      ok: false,
      error: "Coflex imports transcripts as .txt, .vtt, .srt, .csv or .docx files; this is a .pdf file.",
    });
    expect(await parseTranscriptFile(utf8("x"), "session.doc")).toMatchObject({ ok: false, error: expect.stringMatching(/save it as \.docx/) });
    expect(await parseTranscriptFile(utf8("x"), "README")).toMatchObject({ ok: false, error: expect.stringMatching(/without a known extension/) });
  });

  it("refuses a file over the size limit before reading it", async () => {
    const result = await parseTranscriptFile(new Uint8Array(6 * 1024 * 1024), "big.txt");
    expect(result).toEqual({ ok: false, error: "This file is 6 MB; Coflex imports transcripts up to 5 MB. Split it into parts." });
  });

  it("reads a Word document saved under a .txt name as Word, with a warning", async () => {
    const result = await parseTranscriptFile(fixture("session.docx"), "session.txt");
    expect(result).toMatchObject({ ok: true, format: "docx", warnings: ["The file is named as plain text but is a Word document; it was read as a Word document."] });
  });

  it("reads WebVTT saved as .txt as WebVTT", async () => {
    const result = await parseTranscriptFile(fixture("voice-tags.vtt"), "voice-tags.txt");
    expect(result).toMatchObject({ ok: true, format: "vtt", turns: { length: 6 } });
  });

  it("uses the extension case-insensitively", async () => {
    expect(await parseTranscriptFile(fixture("session.srt"), "SESSION.SRT")).toMatchObject({ ok: true, format: "srt" });
  });

  it("applies limits given by the caller", async () => {
    const result = await parseTranscriptFile(fixture("therapist-client.txt"), "t.txt", { limits: { maxTurns: 3 } });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/more than 3 turns/) });
  });
});
