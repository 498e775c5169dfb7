import { describe, expect, it } from "vitest";
import type { AgreementResultData, VariableInfoData } from "./agreementData";
import { agreementNoteTexts as agreementNotes, agreementNotes as structuredNotes } from "./agreementNotes";

const base: AgreementResultData = { n_units: 41, n_coders: 2, n_pairable_units: 40, warnings: [] };
const dimensionInfo = (prevalence: Record<string, number>): VariableInfoData => ({ kind: "dimension", categories: ["none", "flexible", "inflexible", "both"], prevalence });
const emotion = { kind: "dimension" as const, label: "emotion" };

describe("agreementNotes", () => {
  it("names the kappa paradox in the words of the coding task", () => {
    const result = { ...base, po: 0.95, krippendorff_alpha: 0.12, cohen_kappa: 0.12, gwet_ac1: 0.91 };
    const notes = agreementNotes(result, dimensionInfo({ none: 0.94, flexible: 0.03, inflexible: 0.03, both: 0 }), emotion, "kappa");
    expect(notes).toEqual(["94% of coded turns carry no emotion code; AC1 0.91 is more telling here than κ 0.12."]);
  });

  it("says nothing where the numbers do not mislead", () => {
    const result = { ...base, po: 0.8, krippendorff_alpha: 0.7, gwet_ac1: 0.75 };
    expect(agreementNotes(result, dimensionInfo({ none: 0.6, flexible: 0.2, inflexible: 0.2, both: 0 }), emotion, "alpha")).toEqual([]);
  });

  it("explains an undefined coefficient and too few turns", () => {
    const result = { ...base, n_pairable_units: 6, po: 1, gwet_ac1: 1 };
    const notes = agreementNotes(result, dimensionInfo({ none: 1, flexible: 0, inflexible: 0, both: 0 }), emotion, "alpha");
    expect(notes[0]).toBe("Nobody has coded emotion on these turns yet, so α is not defined (nothing varies to correct for chance).");
    expect(notes[1]).toMatch(/Only 6 turns compared/);
  });

  it("tells why Fleiss' κ is missing with gaps", () => {
    const result = { ...base, n_coders: 3, krippendorff_alpha: 0.5 };
    expect(agreementNotes(result, dimensionInfo({ none: 0.5, flexible: 0.5, inflexible: 0, both: 0 }), emotion, "kappa")[0]).toMatch(/Fleiss' κ needs every coder/);
  });

  it("marks the few-turns note so a view can say it once", () => {
    const result = { ...base, n_pairable_units: 6, po: 0.8, krippendorff_alpha: 0.5, gwet_ac1: 0.7 };
    expect(structuredNotes(result, dimensionInfo({ none: 0.6, flexible: 0.4, inflexible: 0, both: 0 }), emotion, "alpha")).toEqual([{ kind: "few", text: expect.stringMatching(/^Only 6 turns compared/) }]);
  });

  it("says when nothing can be compared yet", () => {
    expect(agreementNotes({ ...base, n_pairable_units: 0 }, undefined, emotion, "alpha")).toEqual(["No turn has been looked at by two coders yet, so there is nothing to compare."]);
  });
});
