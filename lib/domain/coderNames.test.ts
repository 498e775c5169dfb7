import { describe, expect, it } from "vitest";
import { anonymiseCoders } from "./coderNames";

const coders = [
  { id: "c9", name: "Amara Osei", submitted: true },
  { id: "c1", name: "Ben Castillo", submitted: false },
  { id: "k", name: "Dana Okafor", submitted: true },
  { id: "me", name: "Tara Nguyen", submitted: true },
  { id: "c5", name: "Zoe Ward", submitted: true },
];

describe("anonymiseCoders", () => {
  it("keeps the shown names and numbers every other trainee by id, never by name", () => {
    const out = anonymiseCoders(coders, new Set(["me", "k"]));
    expect(out.map((c) => [c.id, c.name])).toEqual([
      ["k", "Dana Okafor"],
      ["me", "Tara Nguyen"],
      ["c1", "Trainee 1"],
      ["c5", "Trainee 2"],
      ["c9", "Trainee 3"],
    ]);
    expect(JSON.stringify(out)).not.toMatch(/Amara|Ben|Zoe/);
    expect(out.find((c) => c.id === "c1")?.submitted).toBe(false);
  });

  it("gives the same numbers whatever order the coders arrive in, and sorts ten after nine", () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ id: `u${String(i).padStart(2, "0")}`, name: `Real ${i}` }));
    const once = anonymiseCoders(many, new Set());
    const again = anonymiseCoders([...many].reverse(), new Set());
    expect(again).toEqual(once);
    expect(once.map((c) => c.name).slice(8)).toEqual(["Trainee 9", "Trainee 10", "Trainee 11"]);
  });

  it("changes nothing when every coder is shown", () => {
    expect(anonymiseCoders(coders, new Set(coders.map((c) => c.id)))).toEqual(coders);
  });
});
