import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as protocol from "./collab/protocol";
import { AppError, ERROR_KINDS, toAppError } from "./errors";

const root = path.resolve(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return (readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => path.join(dir, f));
}

describe("one error vocabulary", () => {
  it("maps every kind to an HTTP status and a close code the y-websocket client handles as intended", () => {
    for (const [kind, { status, close }] of Object.entries(ERROR_KINDS)) {
      expect(status, kind).toBeGreaterThanOrEqual(400);
      // 4400–4499: the client stops retrying (a refusal); 1011–1013: it reconnects (a passing trouble).
      const refusal = close >= 4400 && close <= 4499;
      expect(refusal || [1011, 1012, 1013].includes(close), kind).toBe(true);
      expect(refusal, kind).toBe(status < 500);
    }
  });

  it("names exactly the close codes of CONTRACTS §5, each from the vocabulary", () => {
    const named = Object.entries(protocol)
      .filter(([name, value]) => name.startsWith("CLOSE_") && typeof value === "number")
      .map(([, value]) => value as number)
      .sort();
    expect(named).toEqual([1011, 1012, 1013, 4400, 4401, 4403, 4409, 4413, 4429]);
    const vocabulary = new Set<number>(Object.values(ERROR_KINDS).map((k) => k.close));
    for (const code of named) expect(vocabulary.has(code)).toBe(true);
  });

  it("gives an AppError its kind's status and close code, and hides anything else as internal", () => {
    const tooLarge = new AppError("too_large", "Room over quota");
    expect([tooLarge.status, tooLarge.closeCode, tooLarge.publicMessage]).toEqual([413, 4413, "Room over quota"]);
    const hidden = toAppError(new Error("relation \"yjs_updates\" does not exist"));
    expect([hidden.kind, hidden.status, hidden.closeCode]).toEqual(["internal", 500, 1011]);
    expect(hidden.publicMessage).not.toMatch(/yjs_updates/);
  });

  it("leaves no bare close-code number in the collaboration server: every close names its code", () => {
    const offenders: string[] = [];
    for (const file of [...sources("server"), ...sources("lib/collab")]) {
      const text = readFileSync(path.join(root, file), "utf8");
      for (const match of text.matchAll(/(?:\.close\(|code:\s*)(\d{4})\b/g)) offenders.push(`${file}: ${match[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
