import { describe, expect, it } from "vitest";
import { classSummary } from "./classSummary";
import { computeAgreement } from "./computeAgreement";
import { condenseCoderWarnings } from "./diagnostics";
import type { AgreementView } from "./runSchema";

/** 40 coders on 6 units: 25 always say 1, 5 coded nothing, the rest vary. */
function classData(): Record<string, Array<number | null>> {
  const data: Record<string, Array<number | null>> = {};
  for (let c = 0; c < 40; c++) {
    data[`coder-${c}`] = Array.from({ length: 6 }, (_, u) => (c < 25 ? 1 : c < 30 ? null : (u + c) % 2));
  }
  return data;
}

describe("a class's agreement summary", () => {
  it("counts the engine's per-coder notes instead of listing them and keeps every other warning word for word", () => {
    const { warnings } = computeAgreement({ level: "nominal", data: classData() });
    const perCoder = warnings.filter((w) => w.startsWith("Coder "));
    expect(perCoder).toHaveLength(30);
    const condensed = condenseCoderWarnings(warnings);
    expect(condensed).toContain("25 coders used only one category for all the units they coded; chance-corrected coefficients cannot credit agreement from codes that never vary.");
    expect(condensed).toContain("5 coders coded no units and add nothing to any coefficient.");
    expect(condensed.filter((w) => w.startsWith("Coder "))).toEqual([]);
    for (const other of warnings.filter((w) => !w.startsWith("Coder "))) expect(condensed).toContain(other);
  });

  it("keeps a single coder's note as the engine wrote it, with the coder", () => {
    const { warnings } = computeAgreement({ level: "nominal", data: { steady: [1, 1, 1, 1], varied: [1, 2, 1, 2] } });
    expect(condenseCoderWarnings(warnings)).toEqual(warnings);
  });

  it("drops the pairs and condenses each variable's notes, leaving the numbers and the run's own warnings alone", () => {
    const result = computeAgreement({ level: "nominal", data: classData() });
    const view = {
      variables: { pooled: result, emotion: result },
      pairs: [{ coderA: "coder-0", coderB: "coder-1", detail: "summary", variables: {} }],
      warnings: ["run-level note"],
    } as unknown as AgreementView;
    const summary = classSummary(view);
    expect(summary.pairs).toEqual([]);
    expect(summary.warnings).toEqual(["run-level note"]);
    expect(summary.variables.pooled!.krippendorff_alpha).toBe(result.krippendorff_alpha);
    expect(summary.variables.emotion!.warnings).toEqual(condenseCoderWarnings(result.warnings));
    expect(JSON.stringify(summary).length).toBeLessThan(JSON.stringify(view).length / 2);
  });
});
