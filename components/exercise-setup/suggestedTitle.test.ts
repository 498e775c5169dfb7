import { describe, expect, it } from "vitest";
import { EXERCISE_TITLE_MAX, exerciseProblems } from "@/lib/validation/exercise";
import { suggestedTitle } from "./suggestedTitle";

describe("exercise set-up", () => {
  it("suggests '<transcript title> — <mode>' and keeps it within the title limit", () => {
    expect(suggestedTitle("Session 4", "blind")).toBe("Session 4 — Blind");
    expect(suggestedTitle("Session 4", "open")).toBe("Session 4 — Open");
    const long = suggestedTitle("x".repeat(400), "open");
    expect(long.length).toBe(EXERCISE_TITLE_MAX);
    expect(long.endsWith("… — Open")).toBe(true);
  });

  it("names every problem in plain words, including a key coder who is not coding", () => {
    expect(exerciseProblems({ transcriptId: "", title: "  ", mode: "blind", coderIds: [], keyCoderId: "u1" })).toEqual({
      transcriptId: "Choose the transcript to code.",
      title: "Give the exercise a title.",
      coderIds: "Choose at least one coder.",
      keyCoderId: "The key coder must be one of the coders.",
    });
    expect(exerciseProblems({ transcriptId: "t1", title: "Week 3", mode: "open", coderIds: ["u1", "u2"], keyCoderId: "u1" })).toEqual({});
  });
});
