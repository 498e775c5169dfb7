import { describe, expect, it } from "vitest";
import { attachmentDisposition, exportFileName, slugify } from "./fileName";

const SAFE = /^[a-z0-9.-]+$/;

describe("exportFileName", () => {
  it("builds coflex-<title>-<format>-<date>.<ext> from ASCII letters, digits, dashes and dots", () => {
    expect(exportFileName("Séance 3: Cognition", "codes", new Date("2026-03-04T23:59:00Z"), "csv")).toBe("coflex-seance-3-cognition-codes-2026-03-04.csv");
  });

  it("strips quotes, slashes, control characters and header syntax from hostile titles", () => {
    const hostile = ['a"b', "../../etc/passwd", "x\r\nSet-Cookie: y=1", "semi;colon", "back\\slash", "nul\u0000byte", "tab\there"];
    for (const title of hostile) {
      const name = exportFileName(title, "matrix-cognition.inflexible", new Date("2026-01-01T00:00:00Z"), "csv");
      expect(name).toMatch(SAFE);
      expect(() => attachmentDisposition(name)).not.toThrow();
    }
    expect(exportFileName("../../etc/passwd", "json", new Date("2026-01-01T00:00:00Z"), "json")).toBe("coflex-etc-passwd-json-2026-01-01.json");
    expect(exportFileName("x", "matrix-cognition.inflexible", new Date("2026-01-01T00:00:00Z"), "csv")).toBe("coflex-x-matrix-cognition-inflexible-2026-01-01.csv");
  });

  it("falls back to 'exercise' for a title with no Latin letters or digits, and caps the length", () => {
    expect(slugify("会話 🙂")).toBe("exercise");
    expect(slugify("")).toBe("exercise");
    const long = slugify("word ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long.endsWith("-")).toBe(false);
  });
});

describe("attachmentDisposition", () => {
  it("quotes a safe name and refuses anything else", () => {
    expect(attachmentDisposition("coflex-x-codes-2026-01-01.csv")).toBe('attachment; filename="coflex-x-codes-2026-01-01.csv"');
    expect(() => attachmentDisposition('a"b.csv')).toThrow();
    expect(() => attachmentDisposition("a/b.csv")).toThrow();
    expect(() => attachmentDisposition("a\nb.csv")).toThrow();
  });
});
