import { describe, expect, it } from "vitest";
import { condenseCoderWarnings } from "@/lib/agreement/diagnostics";
import type { AgreementData } from "./agreementData";
import { computationNotes } from "./computationNotes";

const result = (warnings: string[]) => ({ n_units: 10, n_coders: 40, n_pairable_units: 10, warnings });
const oneCategory = (n: number) => Array.from({ length: n }, (_, i) => `Coder "c${i}" used only one category ("none") for all 5 units they coded; chance-corrected coefficients cannot credit agreement from codes that never vary.`);

describe("the page's notes from the computation", () => {
  it("gathers a class's counted per-coder notes into one line with the count per variable, largest first", () => {
    const data = {
      coders: [],
      warnings: ["Run note."],
      variables: {
        emotion: result(condenseCoderWarnings([...oneCategory(10), "Shared note."])),
        self: result(condenseCoderWarnings([...oneCategory(21), "Shared note.", 'Coder "x" coded no units and adds nothing to any coefficient.', 'Coder "y" coded no units and adds nothing to any coefficient.'])),
        pooled: result(condenseCoderWarnings(oneCategory(4))),
      },
    } as unknown as AgreementData;
    expect(computationNotes(data)).toEqual([
      { text: "Run note.", where: "whole run" },
      { text: "Shared note.", where: "emotion, self" },
      {
        text: "Coders who used only one category for all the units they coded — chance-corrected coefficients cannot credit agreement from codes that never vary: 21 on self, 10 on emotion, 4 on pooled.",
        where: "per variable",
      },
      { text: "Coders who coded no units and add nothing to any coefficient: 2 on self.", where: "per variable" },
    ]);
  });

  it("keeps a single coder's note with that coder's name", () => {
    const data = { coders: [{ id: "c0", name: "Tara" }], warnings: [], variables: { emotion: result(condenseCoderWarnings(oneCategory(1))) } } as unknown as AgreementData;
    expect(computationNotes(data)).toEqual([{ text: expect.stringMatching(/^Coder "Tara" used only one category/), where: "emotion" }]);
  });
});
