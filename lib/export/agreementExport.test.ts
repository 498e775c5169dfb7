import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../domain/import/csvRecords";
import { agreementRunOutputSchema } from "../agreement/runSchema";
import { AGREEMENT_COLUMNS, agreementCsv, agreementJson } from "./agreementExport";

const exercise = { id: "ex-1", title: "Round 1", mode: "blind" as const, state: "revealed" as const };
const names = new Map([
  ["u1", "=Anaïs"],
  ["u2", "Bob"],
]);
// A stored output passes the one run schema (lib/agreement/runSchema), as the producer's does.
const output = agreementRunOutputSchema.parse({
  engine: 2,
  settings: { bootstrap: { replicates: 1000, seed: 1 }, pairCiMaxCoders: 3, keyCiKinds: ["dimension"], pairDetailMaxCoders: 10 },
  nUnits: 12,
  unitScope: "client_turns",
  unitDefinition: "Units are the 12 client turns; the other 12 turns (therapist and other speakers) are not units.",
  coders: ["u1", "u2"],
  idleCoders: [],
  keyCoderId: null,
  variables: { "self.inflexible": { n_units: 12, n_coders: 2, n_pairable_units: 12, krippendorff_alpha: -0.125, warnings: [] } },
  variableInfo: {},
  unitizing: null,
  pairs: [],
  vsKey: [],
  warnings: [],
});
const run = { id: "run-1", computedAt: new Date("2026-03-04T05:06:07Z"), trigger: "reveal", output };
const rows = [
  { variable: "self.inflexible", coderA: null, coderB: null, statistic: "krippendorff_alpha", value: -0.125, ciLow: -0.5, ciHigh: 0.25, nUnits: 12, nCoders: 2, prevalence: { "0": 0.75, "1": 0.25 }, warnings: ["Few units."] },
  { variable: "self.inflexible", coderA: "u1", coderB: "u2", statistic: "po", value: 0.75, ciLow: null, ciHigh: null, nUnits: 12, nCoders: 2, prevalence: null, warnings: null },
];

describe("agreement CSV", () => {
  it("flattens the stored rows with coder names and the unit definition, keeps negative statistics as numbers, neutralises names", () => {
    const csv = agreementCsv(exercise, names, run, rows);
    expect(csv.startsWith("\uFEFF# Coflex agreement export")).toBe(true);
    const body = csv
      .slice(1)
      .split("\r\n")
      .filter((line) => !line.startsWith("# "))
      .join("\r\n");
    const parsed = parseCsvRecords(body);
    if (!parsed.ok) throw new Error(parsed.error);
    const [header, overall, pair] = parsed.records.map((r) => r.fields);
    expect(header).toEqual([...AGREEMENT_COLUMNS]);
    expect(overall).toEqual(["ex-1", "run-1", "2026-03-04T05:06:07.000Z", "self.inflexible", "", "", "", "", "krippendorff_alpha", "-0.125", "-0.5", "0.25", "12", "2", '{"0":0.75,"1":0.25}', "Few units.", run.output.unitDefinition]);
    expect(pair!.slice(4, 10)).toEqual(["u1", "'=Anaïs", "u2", "Bob", "po", "0.75"]);
  });
});

describe("agreement CSV header block", () => {
  const reading = (value: number, sentence: string) => ({ value, ci: null, text: value.toFixed(2), band: null, nUnits: 12, sentence });
  const headline = {
    statistic: "alpha",
    name: "Krippendorff's α with Krippendorff bands",
    bands: "krippendorff",
    variable: "pooled",
    exercise: reading(0.61, "Krippendorff's α 0.61, tentative — Krippendorff, 12 turns"),
    vsKey: [{ coderId: "u2", coder: "Bob", ...reading(0.7, "Krippendorff's α 0.70, tentative — Krippendorff, 12 turns") }],
  };

  it("states the run, the cohort's headline statistic with the exercise's and each trainee's value, and the unit definition before the rows", () => {
    const csv = agreementCsv({ ...exercise, title: "Round #1, week 2" }, names, run, rows, headline);
    const lines = csv.slice(1).split("\r\n");
    const block = lines.filter((line) => line.startsWith("# "));
    expect(lines.slice(0, block.length)).toEqual(block);
    expect(block).toEqual([
      '# Coflex agreement export: "Round #1, week 2" (exercise ex-1, blind, revealed)',
      "# Run run-1, computed 2026-03-04T05:06:07.000Z, 2 coders compared",
      `# Headline statistic (the cohort's setting): Krippendorff's α with Krippendorff bands, on the variable "pooled" (each turn's whole code set)`,
      "# Exercise headline, all compared coders: Krippendorff's α 0.61, tentative — Krippendorff, 12 turns",
      "# Against the key, Bob: Krippendorff's α 0.70, tentative — Krippendorff, 12 turns",
      `# Units: ${run.output.unitDefinition}`,
      expect.stringMatching(/^# Rows: .*comment="#"/),
    ]);
    expect(lines[block.length]).toBe(AGREEMENT_COLUMNS.join(","));
  });

  it("quotes every cell holding # so a reader told comment=\"#\" keeps the whole row", () => {
    const csv = agreementCsv(exercise, new Map([["u1", "Ann #2"], ["u2", "Bob"]]), run, rows, headline);
    expect(csv).toContain(',u1,"Ann #2",u2,Bob,po,');
  });
});

describe("agreement JSON", () => {
  it("carries the stored run's output untouched, with run id, time, coder names and what a unit is", () => {
    const body = JSON.parse(agreementJson(exercise, names, run, { exportedAt: new Date("2026-03-05T00:00:00Z"), exportedBy: { id: "u9", name: "Staff" } })) as Record<string, unknown>;
    expect(body).toMatchObject({ unitDefinition: run.output.unitDefinition, runId: "run-1", computedAt: "2026-03-04T05:06:07.000Z", trigger: "reveal", output: run.output, coders: [{ id: "u1", name: "=Anaïs" }, { id: "u2", name: "Bob" }] });
  });
});
