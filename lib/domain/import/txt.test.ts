import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_LIMITS } from "./limits";
import { parseTxt } from "./txt";

const parse = (text: string) => parseTxt(text, { ...DEFAULT_IMPORT_LIMITS });

describe("plain-text transcripts", () => {
  it("reads T:/C: and full role words, maps them to roles, and merges one speaker's consecutive lines", () => {
    const result = parse("T: Hello.\nC: Hi.\nC: I slept badly.\nTherapist: Tell me more.\nClient: Later.");
    expect(result.ok && result.turns.map((t) => [t.speaker, t.role, t.text])).toEqual([
      ["T", "therapist", "Hello."],
      ["C", "client", "Hi. I slept badly."],
      ["Therapist", "therapist", "Tell me more."],
      ["Client", "client", "Later."],
    ]);
  });

  it("takes a stamp before the speaker, after the name, or right after the colon, bracketed or bare, hh:mm:ss or mm:ss", () => {
    const result = parse("[00:00:05] Dana: a\n(00:00:40) Sam: b\n00:01:02 Dana: c\nSam [00:01:20]: d\nDana: [1:35] e\n1:40.5 - Sam: f");
    expect(result.ok && result.turns.map((t) => [t.speaker, t.start, t.text])).toEqual([
      ["Dana", 5, "a"],
      ["Sam", 40, "b"],
      ["Dana", 62, "c"],
      ["Sam", 80, "d"],
      ["Dana", 95, "e"],
      ["Sam", 100.5, "f"],
    ]);
  });

  it("ends a timed turn where the next timed turn starts, and leaves the last end open", () => {
    const result = parse("[00:01:05] Therapist: What shows up?\n[00:01:09] Client: Worry.");
    expect(result.ok && result.turns.map((t) => [t.start, t.end])).toEqual([[65, 69], [69, null]]);
  });

  it("continues the previous turn on lines without a speaker, including lines that start with a time", () => {
    const result = parse("Client: I keep thinking\nthat I'm useless.\n10:30 was when I left.");
    expect(result.ok && result.turns).toEqual([{ speaker: "Client", role: "client", start: null, end: null, text: "I keep thinking that I'm useless. 10:30 was when I left." }]);
  });

  it("does not take discourse words or lower-case phrases before a colon for speakers", () => {
    const result = parse("Client: It went like this.\nHonestly: I froze.\nthe thing is: nobody noticed.\nSo basically: I left.");
    expect(result.ok && result.turns).toHaveLength(1);
    expect(result.ok && result.turns[0]?.text).toBe("It went like this. Honestly: I froze. the thing is: nobody noticed. So basically: I left.");
  });

  it("accepts names of up to four words with particles and numbers, and role words without a space after the colon", () => {
    const result = parse("Speaker 2: one\nAnna van Dijk: two\nT:three\nDr. Mei Chen: four");
    expect(result.ok && result.turns.map((t) => [t.speaker, t.role, t.text])).toEqual([
      ["Speaker 2", "other", "one"],
      ["Anna van Dijk", "other", "two"],
      ["T", "therapist", "three"],
      ["Dr. Mei Chen", "therapist", "four"],
    ]);
  });

  it("reads Otter-style blocks: speaker and time alone on a line, the words on the lines below", () => {
    const result = parse("Therapist  0:04\nHow was it?\n\nClient  0:09\nHard.\nReally hard.");
    expect(result.ok && result.turns.map((t) => [t.speaker, t.start, t.end, t.text])).toEqual([
      ["Therapist", 4, 9, "How was it?"],
      ["Client", 9, null, "Hard. Really hard."],
    ]);
  });

  it("uses a stamp alone on a line as the next turn's start, and keeps it as words when no speaker follows", () => {
    expect(parse("[00:00:10]\nT: Hi.\nC: Hello.\n[00:00:20]\nand then more").ok).toBe(true);
    const result = parse("[00:00:10]\nT: Hi.\nC: It was\n12:30\nand then more");
    expect(result.ok && result.turns.map((t) => [t.start, t.text])).toEqual([[10, "Hi."], [null, "It was 12:30 and then more"]]);
  });

  it("names the line of a leading line without a speaker, in plain words", () => {
    const result = parse("\n\nSession notes, week 3\nT: Hello.");
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^Line 3: no speaker\. Start each turn with "Therapist:", "Client:"/) });
  });

  it("refuses text with no turns", () => {
    expect(parse("   \n\n")).toMatchObject({ ok: false, error: expect.stringMatching(/No turns found/) });
  });
});
