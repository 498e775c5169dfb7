import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { parseCsvRecords, sniffDelimiter } from "./csvRecords";
import { DEFAULT_IMPORT_LIMITS } from "./limits";

const parse = (text: string) => parseCsv(text, { ...DEFAULT_IMPORT_LIMITS });

describe("CSV records (RFC 4180)", () => {
  it("keeps commas, doubled quotes and line breaks inside quoted fields, and numbers records by their first line", () => {
    const result = parseCsvRecords('a,"b, c","say ""hi""\nnext line"\r\nd,,"" \n');
    expect(result).toEqual({
      ok: true,
      records: [
        { fields: ["a", "b, c", 'say "hi"\nnext line'], line: 1 },
        { fields: ["d", "", ""], line: 3 },
      ],
    });
  });

  it("keeps a quote inside an unquoted field as text and ends records at CR, LF or CRLF", () => {
    expect(parseCsvRecords('5" tall,x\ry,z\r\nlast')).toEqual({
      ok: true,
      records: [{ fields: ['5" tall', "x"], line: 1 }, { fields: ["y", "z"], line: 2 }, { fields: ["last"], line: 3 }],
    });
  });

  it("refuses a quoted field that never closes, or text straight after a closing quote", () => {
    expect(parseCsvRecords('a,"never closed\nmore')).toEqual({ ok: false, error: 'The quoted text that starts on line 1 never ends: a closing quote (") is missing.' });
    expect(parseCsvRecords('a,"closed"oops\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^Line 1: text follows a closing quote/) });
  });

  it("uses semicolons or tabs when the header is written with them", () => {
    expect(sniffDelimiter("speaker;start;end;text\n")).toBe(";");
    expect(sniffDelimiter("speaker\tstart\ttext\n")).toBe("\t");
    expect(sniffDelimiter('"a;b",c\n')).toBe(",");
  });
});

describe("CSV transcripts", () => {
  it("finds the columns by header name in any order and case, and reads seconds, clock times and empty times", () => {
    const result = parse("TEXT,End,Speaker,START\nHi there,4.5,Therapist,1\n\"Well, ok\",00:01:05.25,Client,00:01:00\nMm,,Therapist,\n");
    expect(result.ok && result.turns).toEqual([
      { speaker: "Therapist", role: "therapist", start: 1, end: 4.5, text: "Hi there" },
      { speaker: "Client", role: "client", start: 60, end: 65.25, text: "Well, ok" },
      { speaker: "Therapist", role: "therapist", start: null, end: null, text: "Mm" },
    ]);
  });

  it("merges consecutive rows of one speaker, skips blank rows and lets a role column set the role", () => {
    const result = parse("speaker,role,text\nDana,therapist,One.\n,,\nDana,therapist,Two.\nSam,client,Three.\n");
    expect(result.ok && result.turns.map((t) => [t.speaker, t.role, t.text])).toEqual([["Dana", "therapist", "One. Two."], ["Sam", "client", "Three."]]);
  });

  it("reads a semicolon-separated export with a byte-order mark", () => {
    const result = parse("\uFEFFspeaker;start;end;text\r\nClient;0;2;Hallo, ja.\r\n");
    expect(result.ok && result.turns[0]).toEqual({ speaker: "Client", role: "client", start: 0, end: 2, text: "Hallo, ja." });
  });

  it("names the row that has too few or too many columns", () => {
    expect(parse("speaker,start,end,text\nT,0,1,Hi\nC,2,3\n")).toEqual({
      ok: false,
      error: "Row 3 has 3 columns, but the header has 4. Put text that contains commas or line breaks in double quotes.",
    });
    expect(parse("speaker,start,end,text\nT,0,1,Hi, again\n")).toMatchObject({ ok: false, error: expect.stringMatching(/^Row 2 has 5 columns/) });
  });

  it("gives the row and the line when a quoted field spans lines before the bad row", () => {
    expect(parse('speaker,text\nT,"two\nlines"\nC\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^Row 3 \(line 4\) has 1 column,/) });
  });

  it("refuses a header without speaker or text columns, a bad time, an end before the start and a row without a speaker", () => {
    expect(parse("who said,start,words\nT,0,Hi\n")).toMatchObject({ ok: false, error: expect.stringMatching(/The speaker and text columns are missing\.$/) });
    expect(parse("speaker,start,text\nT,soon,Hi\n")).toMatchObject({ ok: false, error: expect.stringMatching(/^Row 2: the start time is not a time\./) });
    expect(parse("speaker,start,end,text\nT,5,2,Hi\n")).toEqual({ ok: false, error: "Row 2 ends before it starts." });
    expect(parse("speaker,text\n ,Hi\n")).toEqual({ ok: false, error: "Row 2 has no speaker." });
  });

  it("refuses a header with no text rows", () => {
    expect(parse("speaker,start,end,text\n")).toEqual({ ok: false, error: "This CSV file has a header but no rows with text." });
  });
});
