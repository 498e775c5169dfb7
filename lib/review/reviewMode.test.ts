import { describe, expect, it } from "vitest";
import { reviewMode } from "./reviewMode";

const staff = { isStaff: true, isCoder: false, keyIsSomeoneElse: true, requested: null };
const trainee = { isStaff: false, isCoder: true, keyIsSomeoneElse: true, requested: null };

describe("reviewMode", () => {
  it("gives staff the group review for a class and the pairwise review with one trainee", () => {
    expect(reviewMode({ ...staff, coderCount: 6 })).toBe("group");
    expect(reviewMode({ ...staff, coderCount: 2 })).toBe("pair");
  });

  it("lets staff switch between group and pairwise", () => {
    expect(reviewMode({ ...staff, coderCount: 6, requested: "pair" })).toBe("pair");
    expect(reviewMode({ ...staff, coderCount: 2, requested: "group" })).toBe("group");
  });

  it("opens a trainee's review as me vs key, and never as a pair of two other people", () => {
    expect(reviewMode({ ...trainee, coderCount: 6 })).toBe("me");
    expect(reviewMode({ ...trainee, coderCount: 6, requested: "pair" })).toBe("me");
    expect(reviewMode({ ...trainee, coderCount: 6, requested: "group" })).toBe("me");
  });

  it("keeps a trainee's own pair when the exercise has just two coders and no key", () => {
    expect(reviewMode({ ...trainee, keyIsSomeoneElse: false, coderCount: 2 })).toBe("pair");
    expect(reviewMode({ ...trainee, keyIsSomeoneElse: false, coderCount: 5 })).toBe("me");
  });
});
