import { describe, it, expect } from "vitest";
import { demoTranscript } from "./demoTranscript";
import { demoTranscriptShort } from "./demoTranscriptShort";
import type { SeedTranscript } from "./seedTranscript";

const MAX_TURN_CHARS = 1200;

function checkShape(name: string, transcript: SeedTranscript): void {
  describe(`${name} (shape shared by every seed transcript)`, () => {
    it("has a title that marks it as synthetic", () => {
      expect(transcript.title).toMatch(/synthetic/i);
    });

    it("has both therapist and client turns", () => {
      const roles = new Set(transcript.turns.map((t) => t.role));
      expect(roles.has("therapist")).toBe(true);
      expect(roles.has("client")).toBe(true);
    });

    it("has no turn with an empty speaker or empty text", () => {
      for (const [i, t] of transcript.turns.entries()) {
        expect(t.speaker.trim(), `turn ${i} speaker`).not.toBe("");
        expect(t.text.trim(), `turn ${i} text`).not.toBe("");
      }
    });

    it(`has no turn longer than ${MAX_TURN_CHARS} characters`, () => {
      for (const [i, t] of transcript.turns.entries()) {
        expect(t.text.length, `turn ${i}`).toBeLessThanOrEqual(MAX_TURN_CHARS);
      }
    });

    it("has timestamps on every turn, each ending after it starts", () => {
      for (const [i, t] of transcript.turns.entries()) {
        expect(t.start, `turn ${i} start`).not.toBeNull();
        expect(t.end, `turn ${i} end`).not.toBeNull();
        expect(t.start ?? 0, `turn ${i} start`).toBeGreaterThanOrEqual(0);
        expect(t.end ?? 0, `turn ${i}`).toBeGreaterThan(t.start ?? 0);
      }
    });

    it("has strictly increasing, non-overlapping timestamps (each turn ends before the next starts)", () => {
      transcript.turns.forEach((cur, i) => {
        const prev = i > 0 ? transcript.turns[i - 1] : undefined;
        if (!prev) return;
        expect(cur.start ?? 0, `turn ${i} start`).toBeGreaterThan(prev.start ?? 0);
        expect(cur.start ?? 0, `turn ${i} start vs turn ${i - 1} end`).toBeGreaterThan(prev.end ?? 0);
      });
    });
  });
}

checkShape("demoTranscript", demoTranscript);
checkShape("demoTranscriptShort", demoTranscriptShort);

describe("demoTranscript", () => {
  it("has at least 40 turns", () => {
    expect(demoTranscript.turns.length).toBeGreaterThanOrEqual(40);
  });

  it("mostly alternates between therapist and client", () => {
    const turns = demoTranscript.turns;
    let switches = 0;
    turns.forEach((t, i) => {
      if (i > 0 && t.role !== turns[i - 1]?.role) switches++;
    });
    expect(switches / (turns.length - 1)).toBeGreaterThan(0.8);
  });

  it("spans a realistic session length of roughly 15 to 35 minutes", () => {
    const first = demoTranscript.turns[0]?.start ?? 0;
    const last = demoTranscript.turns[demoTranscript.turns.length - 1]?.end ?? 0;
    expect(last - first).toBeGreaterThan(15 * 60);
    expect(last).toBeLessThan(35 * 60);
  });

  it("contains a turn that carries both an inflexible and a flexible moment", () => {
    expect(demoTranscript.turns.some((t) => /doubt myself.*but I still sent/i.test(t.text))).toBe(true);
  });
});

describe("demoTranscriptShort", () => {
  it("has exactly 12 turns", () => {
    expect(demoTranscriptShort.turns.length).toBe(12);
  });

  it("features a different client from the long demo", () => {
    const shortText = demoTranscriptShort.turns.map((t) => t.text).join(" ");
    expect(shortText).not.toMatch(/\bSam\b/);
  });
});
