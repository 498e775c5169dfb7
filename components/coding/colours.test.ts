import { describe, expect, it } from "vitest";
import { coderColour, inkOn } from "./colours";

describe("coding colours", () => {
  it("gives each coder a stable #rrggbb colour", () => {
    expect(coderColour("user-1")).toMatch(/^#[0-9a-f]{6}$/);
    expect(coderColour("user-1")).toBe(coderColour("user-1"));
  });

  it("puts the more legible ink on each Okabe–Ito fill", () => {
    expect(inkOn("#0072B2")).toBe("#ffffff");
    expect(inkOn("#E69F00")).toBe("#000000");
    expect(inkOn("#56B4E9")).toBe("#000000");
    expect(inkOn("#D55E00")).toBe("#000000");
  });
});
