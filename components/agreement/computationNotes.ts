import { COUNTED_CODED_NOTHING_NOTE, COUNTED_ONE_CATEGORY_NOTE } from "@/lib/agreement/diagnostics";
import { type AgreementData, withCoderNames } from "./agreementData";

/** One line of the page's "Notes from the computation": the note, and where it applies. */
export interface ComputationNote {
  text: string;
  /** "whole run", or the variables it was raised on. */
  where: string;
}

/**
 * The run's warnings as the page lists them: the same text raised on several variables is one line naming
 * them, and a class's counted per-coder notes ("21 coders used only one category…", one per variable with
 * its own count) become one line with the count per variable — with 19 variables they were 19 near-identical
 * lines.
 */
export function computationNotes(data: Pick<AgreementData, "warnings" | "variables" | "coders">): ComputationNote[] {
  const lines = new Map<string, string[]>();
  for (const w of data.warnings) lines.set(withCoderNames(w, data.coders), ["run"]);
  const oneCategory: Array<[string, number]> = [];
  const codedNothing: Array<[string, number]> = [];
  for (const [variable, result] of Object.entries(data.variables)) {
    for (const w of result.warnings ?? []) {
      const single = COUNTED_ONE_CATEGORY_NOTE.exec(w);
      const silent = COUNTED_CODED_NOTHING_NOTE.exec(w);
      if (single) oneCategory.push([variable, Number(single[1])]);
      else if (silent) codedNothing.push([variable, Number(silent[1])]);
      else {
        const text = withCoderNames(w, data.coders);
        lines.set(text, [...(lines.get(text) ?? []), variable]);
      }
    }
  }
  const notes: ComputationNote[] = [...lines].map(([text, variables]) => ({ text, where: variables.includes("run") ? "whole run" : variables.join(", ") }));
  const perVariable = (counts: Array<[string, number]>) =>
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([variable, n]) => `${n} on ${variable}`)
      .join(", ");
  if (oneCategory.length > 0) {
    notes.push({
      text: `Coders who used only one category for all the units they coded — chance-corrected coefficients cannot credit agreement from codes that never vary: ${perVariable(oneCategory)}.`,
      where: "per variable",
    });
  }
  if (codedNothing.length > 0) notes.push({ text: `Coders who coded no units and add nothing to any coefficient: ${perVariable(codedNothing)}.`, where: "per variable" });
  return notes;
}
