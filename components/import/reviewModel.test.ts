import { describe, expect, it } from "vitest";
import { acceptedReplacements, describeCounts, groupCandidates, pieces, proposedLabels, titleFromFilename } from "./reviewModel";
import type { PreviewCandidate, PreviewSpeaker } from "./types";

function candidate(over: Partial<PreviewCandidate> & Pick<PreviewCandidate, "id" | "text" | "proposal">): PreviewCandidate {
  return { kind: "person", turnIndex: 0, start: 0, end: over.text.length, speaker: "Client", before: "", after: "", ...over };
}

const maria = candidate({ id: "a", text: "Maria Lopez", proposal: "[PERSON-1]", turnIndex: 1, start: 10, end: 21 });
const mariaShort = candidate({ id: "b", text: "Maria", proposal: "[PERSON-1]", turnIndex: 3, start: 0, end: 5 });
const date = candidate({ id: "c", kind: "date", text: "12 March", proposal: "[DATE]", turnIndex: 2, start: 4, end: 12 });
const sam = candidate({ id: "d", text: "Sam", proposal: "[CLIENT]", turnIndex: 4, start: 0, end: 3 });

describe("groupCandidates", () => {
  it("puts every spelling that becomes one pseudonym in one group, the client first", () => {
    const groups = groupCandidates([date, maria, mariaShort, sam]);
    expect(groups.map((g) => g.proposal)).toEqual(["[CLIENT]", "[PERSON-1]", "[DATE]"]);
    expect(groups[1]?.originals).toEqual(["Maria Lopez", "Maria"]);
    expect(groups[1]?.candidates).toHaveLength(2);
  });
});

describe("acceptedReplacements", () => {
  it("posts every candidate not rejected, with the edited pseudonym and the text it replaces", () => {
    const out = acceptedReplacements([maria, mariaShort, date], { rejected: new Set(["c"]), pseudonyms: { a: " [SISTER] ", b: "[SISTER]" } });
    expect(out).toEqual([
      { turnIndex: 1, start: 10, end: 21, text: "Maria Lopez", proposal: "[SISTER]" },
      { turnIndex: 3, start: 0, end: 5, text: "Maria", proposal: "[SISTER]" },
    ]);
  });

  it("falls back to the proposal when a pseudonym field was emptied, so the original never stays in", () => {
    expect(acceptedReplacements([maria], { rejected: new Set(), pseudonyms: { a: "   " } })[0]?.proposal).toBe("[PERSON-1]");
  });
});

describe("describeCounts", () => {
  it("counts each person once however they are spelt, and each distinct date or number, in plain words", () => {
    expect(describeCounts(groupCandidates([maria, mariaShort, date, sam]))).toBe("2 names and 1 date");
    const other = candidate({ id: "e", kind: "date", text: "Friday 3rd", proposal: "[DATE]" });
    expect(describeCounts(groupCandidates([date, other, candidate({ id: "x", kind: "id_number", text: "123", proposal: "[ID]" })]))).toBe("2 dates and 1 ID number");
  });
});

describe("proposedLabels", () => {
  const speakers: PreviewSpeaker[] = [
    { speaker: "Dana", role: "other", turnCount: 3, looksLikeName: true },
    { speaker: "Sam", role: "other", turnCount: 3, looksLikeName: true },
    { speaker: "Therapist", role: "therapist", turnCount: 1, looksLikeName: false },
  ];

  it("keeps role words and replaces names by their role, numbered where two would clash", () => {
    expect(proposedLabels(speakers, { Dana: "therapist", Sam: "client" })).toEqual({ Dana: "Therapist 1", Sam: "Client", Therapist: "Therapist" });
    expect(proposedLabels(speakers, {})).toEqual({ Dana: "Speaker 1", Sam: "Speaker 2", Therapist: "Therapist" });
  });
});

describe("pieces", () => {
  it("splits a turn into kept text and pseudonyms, merging overlapping spans like the import does", () => {
    expect(
      pieces("Call Maria Lopez on 12 March", [
        { start: 5, end: 16, pseudonym: "[PERSON-1]" },
        { start: 5, end: 10, pseudonym: "[PERSON-2]" },
        { start: 20, end: 28, pseudonym: "[DATE]" },
      ]),
    ).toEqual([
      { kind: "kept", text: "Call " },
      { kind: "replaced", original: "Maria Lopez", pseudonym: "[PERSON-1]" },
      { kind: "kept", text: " on " },
      { kind: "replaced", original: "12 March", pseudonym: "[DATE]" },
    ]);
  });
});

describe("titleFromFilename", () => {
  it("drops the extension and underscores", () => {
    expect(titleFromFilename("session_04_final.vtt")).toBe("session 04 final");
  });
});
