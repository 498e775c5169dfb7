import { describe, expect, it } from "vitest";
import { type Subject, can } from "./can";

const subject = (role: "instructor" | "supervisor" | "trainee", cohortId = "c1"): Subject => ({
  userId: "u",
  memberships: [{ cohortId, role }],
});

describe("can()", () => {
  it("lets every member of the transcript's cohort read it, and nobody outside the cohort", () => {
    for (const role of ["instructor", "supervisor", "trainee"] as const) {
      expect(can(subject(role), "transcript.read", { kind: "transcript", cohortId: "c1" })).toBe(true);
      expect(can(subject(role, "c2"), "transcript.read", { kind: "transcript", cohortId: "c1" })).toBe(false);
    }
    expect(can({ userId: "u", memberships: [] }, "transcript.read", { kind: "transcript", cohortId: "c1" })).toBe(false);
  });

  it("lets supervisors and instructors edit an unlocked transcript, never trainees, and nobody a locked one", () => {
    expect(can(subject("supervisor"), "transcript.edit", { kind: "transcript", cohortId: "c1" })).toBe(true);
    expect(can(subject("instructor"), "transcript.edit", { kind: "transcript", cohortId: "c1" })).toBe(true);
    expect(can(subject("trainee"), "transcript.edit", { kind: "transcript", cohortId: "c1" })).toBe(false);
    expect(can(subject("instructor"), "transcript.edit", { kind: "transcript", cohortId: "c1", locked: true })).toBe(false);
  });

  it("reserves member management, audit and deletion to the cohort's instructors", () => {
    for (const action of ["cohort.manage_members", "cohort.view_audit", "transcript.delete"] as const) {
      expect(can(subject("instructor"), action, { kind: "cohort", cohortId: "c1" })).toBe(true);
      expect(can(subject("supervisor"), action, { kind: "cohort", cohortId: "c1" })).toBe(false);
      expect(can(subject("trainee"), action, { kind: "cohort", cohortId: "c1" })).toBe(false);
      expect(can(subject("instructor", "c2"), action, { kind: "cohort", cohortId: "c1" })).toBe(false);
    }
  });
});
