import { describe, expect, it } from "vitest";
import { type ExerciseFacts, type Subject, accessTo, can } from "./can";

const subject = (role: "instructor" | "supervisor" | "trainee", cohortId = "c1", userId = "u"): Subject => ({
  userId,
  memberships: [{ cohortId, role }],
});
const tx = (exercises: ReadonlyArray<Pick<ExerciseFacts, "mode" | "state">> = []) => ({ kind: "transcript", cohortId: "c1", exercises }) as const;
const blindCoding: ExerciseFacts = { cohortId: "c1", mode: "blind", state: "coding", coderIds: ["a", "b", "sup"], submittedIds: [], codersSettle: false };
const ex = (facts: ExerciseFacts) => ({ kind: "exercise", exercise: facts }) as const;
const layer = (facts: ExerciseFacts, coderId: string) => ({ kind: "layer", exercise: facts, coderId }) as const;

describe("can(): cohorts and transcripts", () => {
  it("lets every member of the transcript's cohort read it, and nobody outside the cohort", () => {
    for (const role of ["instructor", "supervisor", "trainee"] as const) {
      expect(can(subject(role), "transcript.read", tx())).toBe(true);
      expect(can(subject(role, "c2"), "transcript.read", tx())).toBe(false);
    }
    expect(can({ userId: "u", memberships: [] }, "transcript.read", tx())).toBe(false);
  });

  it("lets supervisors and instructors edit a transcript, never trainees", () => {
    expect(can(subject("supervisor"), "transcript.edit", tx())).toBe(true);
    expect(can(subject("instructor"), "transcript.edit", tx())).toBe(true);
    expect(can(subject("trainee"), "transcript.edit", tx())).toBe(false);
  });

  it("decides the lock itself from the exercises on the transcript: a blind one still coding locks it, others do not", () => {
    expect(can(subject("instructor"), "transcript.edit", tx([{ mode: "blind", state: "coding" }]))).toBe(false);
    expect(can(subject("instructor"), "transcript.edit", tx([{ mode: "open", state: "coding" }, { mode: "blind", state: "revealed" }]))).toBe(true);
    expect(accessTo(subject("supervisor"), tx([{ mode: "blind", state: "coding" }]))).toBe("read");
    expect(accessTo(subject("supervisor", "c2"), tx())).toBe("none");
  });

  it("reserves member management, the codebook, audit and deletion to the cohort's instructors", () => {
    for (const action of ["cohort.manage_members", "cohort.view_audit", "cohort.edit_codebook"] as const) {
      expect(can(subject("instructor"), action, { kind: "cohort", cohortId: "c1" })).toBe(true);
      expect(can(subject("supervisor"), action, { kind: "cohort", cohortId: "c1" })).toBe(false);
      expect(can(subject("trainee"), action, { kind: "cohort", cohortId: "c1" })).toBe(false);
      expect(can(subject("instructor", "c2"), action, { kind: "cohort", cohortId: "c1" })).toBe(false);
    }
    expect(can(subject("instructor"), "transcript.delete", tx())).toBe(true);
    expect(can(subject("supervisor"), "transcript.delete", tx())).toBe(false);
  });

  it("lets staff, not trainees, import transcripts and create exercises", () => {
    for (const action of ["transcript.create", "exercise.create"] as const) {
      expect(can(subject("supervisor"), action, { kind: "cohort", cohortId: "c1" })).toBe(true);
      expect(can(subject("trainee"), action, { kind: "cohort", cohortId: "c1" })).toBe(false);
    }
  });
});

describe("can(): exercise rights", () => {
  const a = subject("trainee", "c1", "a");
  const watcher = subject("instructor", "c1", "i");
  const codingSupervisor = subject("supervisor", "c1", "sup");
  const otherTrainee = subject("trainee", "c1", "t");

  it("in blind coding: a coder writes their own layer, sees no other layer, no agreement, no review, no consensus", () => {
    expect(can(a, "layer.write", layer(blindCoding, "a"))).toBe(true);
    expect(can(a, "layer.read", layer(blindCoding, "b"))).toBe(false);
    for (const action of ["exercise.agreement", "exercise.review", "consensus.read", "exercise.reveal", "exercise.manage"] as const) {
      expect(can(a, action, ex(blindCoding))).toBe(false);
    }
    expect(can(a, "exercise.submit", ex(blindCoding))).toBe(true);
    expect(can(a, "exercise.export", ex(blindCoding))).toBe(true);
  });

  it("in blind coding: a non-coding instructor watches every layer and the agreement and may reveal; a coding supervisor is blind like any coder", () => {
    expect(can(watcher, "layer.read", layer(blindCoding, "a"))).toBe(true);
    expect(can(watcher, "layer.write", layer(blindCoding, "a"))).toBe(false);
    expect(can(watcher, "exercise.agreement", ex(blindCoding))).toBe(true);
    expect(can(watcher, "exercise.reveal", ex(blindCoding))).toBe(true);
    expect(can(watcher, "exercise.submit", ex(blindCoding))).toBe(false);
    expect(can(codingSupervisor, "layer.read", layer(blindCoding, "a"))).toBe(false);
    expect(can(codingSupervisor, "exercise.agreement", ex(blindCoding))).toBe(false);
  });

  it("after submit a coder's layer is read-only; after reveal every member reads every layer and the review opens", () => {
    expect(accessTo(a, layer({ ...blindCoding, submittedIds: ["a"] }, "a"))).toBe("read");
    const revealed: ExerciseFacts = { ...blindCoding, state: "revealed" };
    expect(can(a, "layer.read", layer(revealed, "b"))).toBe(true);
    expect(can(a, "layer.write", layer(revealed, "a"))).toBe(false);
    expect(can(a, "exercise.agreement", ex(revealed))).toBe(true);
    expect(can(a, "exercise.review", ex(revealed))).toBe(true);
    expect(can(a, "consensus.write", ex(revealed))).toBe(false);
    expect(can(a, "consensus.write", ex({ ...revealed, codersSettle: true }))).toBe(true);
    expect(accessTo(watcher, ex(revealed))).toBe("write");
    expect(can(watcher, "exercise.reveal", ex(revealed))).toBe(false);
  });

  it("keeps trainees who do not code, and everyone from another cohort, out of the exercise entirely", () => {
    const revealed: ExerciseFacts = { ...blindCoding, state: "revealed" };
    for (const who of [otherTrainee, subject("instructor", "c2", "x")]) {
      for (const action of ["exercise.view", "exercise.agreement", "exercise.export", "exercise.review", "consensus.read"] as const) {
        expect(can(who, action, ex(revealed))).toBe(false);
      }
      expect(can(who, "layer.read", layer(revealed, "a"))).toBe(false);
    }
  });

  it("an open exercise has nothing to reveal; its coders see each other live", () => {
    const open: ExerciseFacts = { ...blindCoding, mode: "open" };
    expect(can(watcher, "exercise.reveal", ex(open))).toBe(false);
    expect(can(a, "layer.read", layer(open, "b"))).toBe(true);
    expect(can(a, "exercise.agreement", ex(open))).toBe(true);
  });

  it("shows coder names to staff always, to coders only when the exercise allows it", () => {
    const revealed: ExerciseFacts = { ...blindCoding, state: "revealed" };
    expect(can(watcher, "exercise.see_coder_names", ex(revealed))).toBe(true);
    expect(can(a, "exercise.see_coder_names", ex(revealed))).toBe(false);
    expect(can(a, "exercise.see_coder_names", ex({ ...revealed, coderNamesVisible: true }))).toBe(true);
  });
});
