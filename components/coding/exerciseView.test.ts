import { describe, expect, it } from "vitest";
import { type ExerciseSnapshot, exerciseView } from "./exerciseView";

const exercise: ExerciseSnapshot = {
  id: "e1",
  cohortId: "c1",
  title: "Session 3",
  transcriptId: "t1",
  mode: "blind",
  state: "coding",
  revealRule: "instructor",
  codersSettle: false,
  coders: [
    { id: "a", name: "Ada", submitted: false },
    { id: "b", name: "Ben", submitted: false },
  ],
};

describe("the coding page's view rules (derived from can())", () => {
  it("a blind coder codes their own layer and is offered nothing of the others: no layers, agreement, reveal or review", () => {
    const view = exerciseView(exercise, { id: "a", name: "Ada", role: "trainee" });
    expect(view).toMatchObject({ isCoder: true, canCode: true, seesOthers: false, canReveal: false, canReview: false, liveOthers: [] });
    expect(view.ownRoom).toBe("layer:e1:a");
  });

  it("a watching instructor sees the layers live and may reveal, but codes nothing", () => {
    const view = exerciseView(exercise, { id: "i", name: "Ines", role: "instructor" });
    expect(view).toMatchObject({ isCoder: false, canCode: false, seesOthers: true, canReveal: true, isStaff: true, ownRoom: null });
    expect(view.liveOthers.map((c) => c.room)).toEqual(["layer:e1:a", "layer:e1:b"]);
  });

  it("after submit the coder reads; after the reveal the review opens for them", () => {
    const submitted = { ...exercise, coders: [{ id: "a", name: "Ada", submitted: true }, exercise.coders[1]!] };
    expect(exerciseView(submitted, { id: "a", name: "Ada", role: "trainee" })).toMatchObject({ canCode: false, submitted: true, canReview: false });
    const revealed = { ...submitted, state: "revealed" as const };
    expect(exerciseView(revealed, { id: "a", name: "Ada", role: "trainee" })).toMatchObject({ canCode: false, seesOthers: true, canReview: true, canReveal: false });
  });
});
