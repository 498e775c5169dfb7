import { describe, expect, it } from "vitest";
import type { Subject } from "./can";
import { type ExerciseFacts, canSeeAgreement, consensusAccess, layerAccess, seesCoderNames } from "./exerciseRules";

const member = (userId: string, role: "instructor" | "supervisor" | "trainee"): Subject => ({ userId, memberships: [{ cohortId: "c", role }] });
const blind: ExerciseFacts = { cohortId: "c", mode: "blind", state: "coding", coderIds: ["a", "b", "sup"], submittedIds: [], codersSettle: false };

describe("exercise visibility rules", () => {
  it("in blind coding, a coder writes only their own layer and sees nobody else's", () => {
    const a = member("a", "trainee");
    expect(layerAccess(a, blind, "a")).toBe("write");
    expect(layerAccess(a, blind, "b")).toBe("none");
    expect(layerAccess(member("sup", "supervisor"), blind, "a")).toBe("none");
    expect(canSeeAgreement(a, blind)).toBe(false);
  });

  it("in blind coding, a non-coding instructor watches every layer but writes none", () => {
    const i = member("i", "instructor");
    expect(layerAccess(i, blind, "a")).toBe("read");
    expect(canSeeAgreement(i, blind)).toBe(true);
  });

  it("a submitted layer is read-only to its coder", () => {
    expect(layerAccess(member("a", "trainee"), { ...blind, submittedIds: ["a"] }, "a")).toBe("read");
  });

  it("after reveal every exercise member reads every layer, and outsiders still get nothing", () => {
    const revealed = { ...blind, state: "revealed" as const };
    expect(layerAccess(member("a", "trainee"), revealed, "b")).toBe("read");
    expect(layerAccess(member("a", "trainee"), revealed, "a")).toBe("read");
    expect(layerAccess(member("t", "trainee"), revealed, "a")).toBe("none");
    expect(layerAccess({ userId: "x", memberships: [{ cohortId: "other", role: "instructor" }] }, revealed, "a")).toBe("none");
  });

  it("in open mode coders see each other live", () => {
    expect(layerAccess(member("a", "trainee"), { ...blind, mode: "open" }, "b")).toBe("read");
  });

  it("consensus opens after reveal: staff settle, coders only when the exercise allows it", () => {
    const revealed = { ...blind, state: "revealed" as const };
    expect(consensusAccess(member("a", "trainee"), blind)).toBe("none");
    expect(consensusAccess(member("sup", "supervisor"), revealed)).toBe("write");
    expect(consensusAccess(member("a", "trainee"), revealed)).toBe("read");
    expect(consensusAccess(member("a", "trainee"), { ...revealed, codersSettle: true })).toBe("write");
    expect(consensusAccess(member("sup", "supervisor"), { ...revealed, state: "closed" })).toBe("read");
  });

  it("staff always see coders' names; a trainee only when the exercise allows it; outsiders never", () => {
    const revealed = { ...blind, state: "revealed" as const };
    expect(seesCoderNames(member("sup", "supervisor"), revealed)).toBe(true);
    expect(seesCoderNames(member("a", "trainee"), revealed)).toBe(false);
    expect(seesCoderNames(member("a", "trainee"), { ...revealed, coderNamesVisible: true })).toBe(true);
    expect(seesCoderNames({ userId: "x", memberships: [{ cohortId: "other", role: "instructor" }] }, revealed)).toBe(false);
  });
});
