import { describe, expect, it } from "vitest";
import { defaultCodebook } from "@/lib/domain/codebook";
import { changedFields, fieldId, newTagId, updatePole } from "./codebookDraft";

describe("codebook draft", () => {
  it("gives a new tag an id unique in the codebook and among ids used before", () => {
    expect(newTagId(defaultCodebook, "emotion", "flexible", "Curiosity & Openness!")).toBe("emotion.flexible.curiosity-openness");
    // "Acceptance" exists as emotion.flexible.acceptance.
    expect(newTagId(defaultCodebook, "emotion", "flexible", "Acceptance")).toBe("emotion.flexible.acceptance-2");
    expect(newTagId(defaultCodebook, "self", "inflexible", "Neu", new Set(["self.inflexible.neu", "self.inflexible.neu-2"]))).toBe("self.inflexible.neu-3");
    expect(newTagId(defaultCodebook, "self", "inflexible", "日本")).toBe("self.inflexible.tag");
  });

  it("lists the fields that differ from the version being edited", () => {
    const edited = updatePole(defaultCodebook, "cognition", "inflexible", (p) => ({ ...p, definition: "New.", tags: p.tags.slice(1) }));
    expect([...changedFields(defaultCodebook, edited)].sort()).toEqual(["cognition.inflexible.definition", "cognition.inflexible.tags"]);
    expect(changedFields(defaultCodebook, defaultCodebook).size).toBe(0);
    expect(fieldId("cognition.inflexible.tags.2")).toBe("cb-cognition-inflexible-tags-2");
  });
});
