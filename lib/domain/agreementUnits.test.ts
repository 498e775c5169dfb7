import { describe, expect, it } from "vitest";
import { agreementUnits, isUnitTurn } from "./agreementUnits";

const turns = [
  { id: "t0", role: "therapist" as const },
  { id: "c1", role: "client" as const },
  { id: "o2", role: "other" as const },
  { id: "c3", role: "client" as const },
];

describe("agreement units", () => {
  it("are the client turns by default, in transcript order", () => {
    const units = agreementUnits(turns, "client_turns");
    expect(units.turnIds).toEqual(["c1", "c3"]);
    expect([...units.otherTurnIds]).toEqual(["t0", "o2"]);
    expect(units.definition).toBe("Units are the 2 client turns; the other 2 turns (therapist and other speakers) are not units.");
  });

  it("include therapist turns with the all-turns setting", () => {
    const units = agreementUnits(turns, "all_turns");
    expect(units.turnIds).toEqual(["t0", "c1", "o2", "c3"]);
    expect(units.otherTurnIds.size).toBe(0);
    expect(units.definition).toMatch(/^Units are all 4 turns, client and therapist \(2 client turns\)/);
  });

  it("fall back to every turn, and say so, when no speaker is the client", () => {
    const units = agreementUnits([{ id: "a", role: "other" }, { id: "b", role: "therapist" }], "client_turns");
    expect(units.turnIds).toEqual(["a", "b"]);
    expect(units.effectiveScope).toBe("all_turns");
    expect(units.definition).toMatch(/marks no speaker as the client/);
  });

  it("decide one turn at a time", () => {
    expect(isUnitTurn("client", "client_turns")).toBe(true);
    expect(isUnitTurn("therapist", "client_turns")).toBe(false);
    expect(isUnitTurn("other", "client_turns")).toBe(false);
    expect(isUnitTurn("therapist", "all_turns")).toBe(true);
  });
});
