import { describe, expect, it } from "vitest";
import { computeAgreement } from "../agreement";
import { buildFadUnits, fadVariables } from "../domain/fadUnits";
import { CODER_A, CODER_B, fixtureData } from "./__fixtures__/exerciseFixture";
import { matrixCsv, matrixTable } from "./matrix";

function lines(csv: string): string[][] {
  return csv
    .split("\r\n")
    .filter((l) => l !== "")
    .map((l) => l.split(","));
}

describe("units × coders matrix", () => {
  it("has a row per turn and a column per coder, with NA where the coder has not looked at the turn", () => {
    const table = matrixTable(fixtureData(), "self.inflexible")!;
    const csv = matrixCsv(table);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(lines(csv)).toEqual([
      ["unit_id", "turn_index", CODER_A.id, CODER_B.id],
      ["t1", "0", "0", "NA"],
      ["t2", "1", "1", "0"],
      ["t3", "2", "0", "0"],
      ["t4", "3", "0", "0"],
    ]);
  });

  it("writes a dimension variable as category indices (0 none, 1 flexible, 2 inflexible, 3 both), or as labels", () => {
    const data = fixtureData();
    expect(lines(matrixCsv(matrixTable(data, "overt_behavior")!)).slice(1)).toEqual([
      ["t1", "0", "0", "NA"],
      ["t2", "1", "0", "0"],
      ["t3", "2", "0", "0"],
      ["t4", "3", "1", "1"],
    ]);
    expect(lines(matrixCsv(matrixTable(data, "overt_behavior", "labels")!)).slice(1)).toEqual([
      ["t1", "0", "none", "NA"],
      ["t2", "1", "none", "none"],
      ["t3", "2", "none", "none"],
      ["t4", "3", "flexible", "flexible"],
    ]);
  });

  it("counts a code on a turn as looking at it, as the agreement engine does (even when its text is gone)", () => {
    const rows = lines(matrixCsv(matrixTable(fixtureData(), "attention.flexible")!));
    expect(rows[3]).toEqual(["t3", "2", "0", "1"]);
  });

  it("gives the same Krippendorff's alpha, read back as numbers, as the agreement engine's own input", () => {
    const data = fixtureData();
    const engine = fadVariables(
      buildFadUnits(
        data.transcript.turns.map((t) => t.id),
        data.coders.map((c) => ({ coderId: c.id, codes: data.codes.filter((x) => x.coderId === c.id), reviewed: c.reviewed })),
      ),
    );
    for (const name of ["self.inflexible", "cognition.inflexible", "overt_behavior", "self"]) {
      const table = matrixTable(data, name)!;
      const rows = lines(matrixCsv(table)).slice(1);
      const fromFile = Object.fromEntries(data.coders.map((c, j) => [c.id, rows.map((r) => (r[2 + j] === "NA" ? null : Number(r[2 + j])))]));
      const expected = computeAgreement(engine.find((v) => v.name === name)!.input);
      const actual = computeAgreement({ level: "nominal", categories: table.categories.map((_, i) => i), data: fromFile });
      expect(typeof expected.krippendorff_alpha).toBe("number");
      expect(actual.krippendorff_alpha).toBe(expected.krippendorff_alpha);
      expect(actual.n_pairable_units).toBe(expected.n_pairable_units);
    }
  });

  it("is null for a variable the data cannot produce", () => {
    expect(matrixTable(fixtureData(), "nonsense")).toBeNull();
  });
});
