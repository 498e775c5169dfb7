import { describe, expect, it } from "vitest";
import { decodeTranscriptBytes, firstInvalidUtf8 } from "./decodeBytes";

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe("decoding uploaded bytes", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeTranscriptBytes(utf8("T: café"), "a.txt")).toEqual({ ok: true, text: "T: café" });
    expect(decodeTranscriptBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("T: ü")]), "a.txt")).toEqual({ ok: true, text: "T: ü" });
  });

  it("reads UTF-16 little- and big-endian with a byte-order mark", () => {
    expect(decodeTranscriptBytes(utf16("T: Zoë — ok", true), "a.txt")).toEqual({ ok: true, text: "T: Zoë — ok" });
    expect(decodeTranscriptBytes(utf16("T: Zoë — ok", false), "a.txt")).toEqual({ ok: true, text: "T: Zoë — ok" });
  });

  it("refuses UTF-16 that is cut short", () => {
    expect(decodeTranscriptBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x42]), "a.txt")).toMatchObject({ ok: false, error: expect.stringMatching(/cut short/) });
  });

  it("refuses invalid UTF-8 and says on which line the first bad character is", () => {
    const bytes = Uint8Array.from([...utf8("T: fine\nC: na"), 0xef, ...utf8("ve\n")]);
    expect(decodeTranscriptBytes(bytes, "notes.txt")).toEqual({
      ok: false,
      error: expect.stringMatching(/^This \.txt file is not UTF-8 text \(the first unreadable character is on line 2\)\. .*Windows-1252/),
    });
  });

  it("finds overlong encodings, surrogates and truncated sequences as invalid UTF-8", () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xe2, 0x82]))).toBe(1);
    expect(firstInvalidUtf8(utf8("ok 😀 é"))).toBe(-1);
  });

  it("refuses binary data: NUL bytes, or many control characters", () => {
    expect(decodeTranscriptBytes(Uint8Array.from([0x54, 0x3a, 0x00, 0x41]), "x.txt")).toMatchObject({ ok: false, error: expect.stringMatching(/^This \.txt file contains binary data, not text/) });
    const controls = Uint8Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 0x07 : 0x41));
    expect(decodeTranscriptBytes(controls, "x.vtt")).toMatchObject({ ok: false, error: expect.stringMatching(/^This \.vtt file contains binary data/) });
  });

  it("refuses an empty file and a file of only white space", () => {
    expect(decodeTranscriptBytes(new Uint8Array(0), "x.srt")).toEqual({ ok: false, error: "This .srt file is empty." });
    expect(decodeTranscriptBytes(utf8(" \n\t\n"), "x.csv")).toEqual({ ok: false, error: "This .csv file contains no text." });
  });
});
