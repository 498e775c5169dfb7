import { describe, expect, it } from "vitest";
import { csvCell, csvDocument, neutraliseFormula, UTF8_BOM } from "./csv";

describe("csvCell", () => {
  it("leaves plain text unquoted and quotes fields with commas, quotes, CR or LF (RFC 4180), doubling inner quotes", () => {
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("cr\rinside")).toBe('"cr\rinside"');
  });

  it("prefixes an apostrophe to text that a spreadsheet would run as a formula", () => {
    for (const trigger of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(neutraliseFormula(`${trigger}cmd`)).toBe(`'${trigger}cmd`);
    }
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tquiet")).toBe("'\tquiet");
    expect(csvCell("\rlead")).toBe(`"'\rlead"`);
    expect(csvCell("a = b")).toBe("a = b");
  });

  it("writes numbers as numbers, negative ones included, and never prefixes them", () => {
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(Number.NaN, { missing: "NA" })).toBe("NA");
  });

  it("writes booleans as true/false and null as an empty field (or the missing marker)", () => {
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined, { missing: "NA" })).toBe("NA");
  });
});

describe("csvDocument", () => {
  it("starts with a UTF-8 BOM and ends every line with CRLF", () => {
    const doc = csvDocument(["a", "b"], [["é", 1], ["x,y", null]]);
    expect(doc.startsWith(UTF8_BOM)).toBe(true);
    expect(doc).toBe(`${UTF8_BOM}a,b\r\né,1\r\n"x,y",\r\n`);
    const bytes = new TextEncoder().encode(doc);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("leaves the BOM out when asked", () => {
    expect(csvDocument(["a"], [[1]], { bom: false })).toBe("a\r\n1\r\n");
  });

  it("refuses a row whose length differs from the header", () => {
    expect(() => csvDocument(["a", "b"], [[1]])).toThrow(RangeError);
  });
});
