import { describe, expect, it } from "vitest";
import { DIMENSIONS, POLARITIES } from "./codebook";
import { DEMO_HISTORY_SESSIONS } from "./demoSessions";

/** Issue 9: "2–3 more synthetic ACT sessions written for this project (varied processes, 30–50 turns each)". */
describe("the demo's history sessions", () => {
  it("are three distinct synthetic sessions of 30 to 50 turns", () => {
    expect(DEMO_HISTORY_SESSIONS).toHaveLength(3);
    expect(new Set(DEMO_HISTORY_SESSIONS.map((s) => s.title)).size).toBe(3);
    for (const session of DEMO_HISTORY_SESSIONS) {
      expect(session.title).toMatch(/\(synthetic\)$/);
      expect(session.turns.length).toBeGreaterThanOrEqual(30);
      expect(session.turns.length).toBeLessThanOrEqual(50);
    }
  });

  it.each(DEMO_HISTORY_SESSIONS.map((s) => [s.title, s] as const))("%s alternates therapist and client with increasing, non-overlapping timestamps", (_title, session) => {
    session.turns.forEach((turn, i) => {
      expect(turn.role).toBe(i % 2 === 0 ? "therapist" : "client");
      expect(turn.end!).toBeGreaterThan(turn.start!);
      if (i > 0) expect(turn.start!).toBeGreaterThan(session.turns[i - 1]!.end!);
    });
  });

  it("key codes only client turns, and together cover every dimension × pole; each session at least eight of the twelve", () => {
    const all = new Set<string>();
    for (const session of DEMO_HISTORY_SESSIONS) {
      const mine = new Set<string>();
      for (const turn of session.turns) {
        if (turn.role !== "client") expect(turn.key).toBeUndefined();
        for (const [dimension, polarity] of turn.key ?? []) mine.add(`${dimension}.${polarity}`);
      }
      expect(mine.size).toBeGreaterThanOrEqual(8);
      for (const code of mine) all.add(code);
    }
    expect([...all].sort()).toEqual(DIMENSIONS.flatMap((d) => POLARITIES.map((p) => `${d}.${p}`)).sort());
  });

  it("include client turns the key leaves uncoded and turns with a flexible and an inflexible code together", () => {
    const client = DEMO_HISTORY_SESSIONS.flatMap((s) => s.turns.filter((t) => t.role === "client"));
    expect(client.some((t) => (t.key ?? []).length === 0)).toBe(true);
    expect(client.some((t) => new Set((t.key ?? []).map(([, p]) => p)).size === 2)).toBe(true);
  });
});
