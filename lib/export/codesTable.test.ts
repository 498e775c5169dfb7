import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../domain/import/csvRecords";
import { CODER_A, CODER_B, fixtureData, TURNS } from "./__fixtures__/exerciseFixture";
import { CODE_COLUMNS, codesCsv, codesJson } from "./codesTable";
import { UTF8_BOM } from "./csv";

function parse(csv: string): Array<Record<string, string>> {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  const result = parseCsvRecords(csv.slice(1));
  if (!result.ok) throw new Error(result.error);
  const [header, ...rows] = result.records.map((r) => r.fields);
  expect(header).toEqual([...CODE_COLUMNS]);
  return rows.filter((r) => r.length > 1).map((fields) => Object.fromEntries(header!.map((h, i) => [h, fields[i] ?? ""])));
}

describe("codes CSV (long format)", () => {
  it("has one row per code with the turn, coder, code and its character offsets within the turn", () => {
    const rows = parse(codesCsv(fixtureData()));
    expect(rows).toHaveLength(6);
    const a1 = rows.find((r) => r.code_id === "a1")!;
    expect(a1).toMatchObject({
      exercise: "ex-1",
      transcript: "tx-1",
      turn_index: "1",
      turn_id: "t2",
      speaker_role: "client",
      speaker: "Client",
      coder_id: CODER_A.id,
      coder: CODER_A.name,
      dimension: "self",
      polarity: "inflexible",
      process: "self.inflexible.harsh-self-story",
      note: "harsh, global",
      quote: "I'm useless",
      orphaned: "false",
      codebook_version: "1",
      created_at: "2023-11-14T22:13:20.000Z",
    });
    const turn = TURNS[1]!.text;
    expect(turn.slice(Number(a1.start_offset), Number(a1.end_offset))).toBe("I'm useless");
  });

  it("indexes every placed quote by its offsets (UTF-16, so past the emoji too)", () => {
    const data = fixtureData();
    for (const row of parse(codesCsv(data)).filter((r) => r.orphaned === "false")) {
      const turn = data.transcript.turns[Number(row.turn_index)]!;
      expect(turn.text.slice(Number(row.start_offset), Number(row.end_offset))).toBe(row.quote);
    }
  });

  it("keeps an orphaned code with its old quote, empty offsets and orphaned=true", () => {
    const rows = parse(codesCsv(fixtureData()));
    const orphan = rows.find((r) => r.code_id === "b3")!;
    expect(orphan).toMatchObject({ orphaned: "true", start_offset: "", end_offset: "", turn_index: "2", turn_id: "t3", coder: CODER_B.name });
    // Its quote starts with "=", so the CSV neutralises it; the JSON keeps it as stored.
    expect(orphan.quote).toBe("'=SUM(A1)");
  });

  it("neutralises formula-like notes and quotes but leaves numbers alone", () => {
    const rows = parse(codesCsv(fixtureData()));
    expect(rows.find((r) => r.code_id === "a3")!.note).toBe(`'=HYPERLINK("x")`);
  });

  it("orders rows by turn, position in the turn, then coder", () => {
    const rows = parse(codesCsv(fixtureData()));
    expect(rows.map((r) => r.code_id)).toEqual(["a1", "b1", "a2", "b3", "a3", "b2"]);
  });
});

describe("codes JSON", () => {
  it("carries the same records as the CSV, unneutralised, plus exercise, transcript, coders and codebook", () => {
    const data = fixtureData();
    const body = JSON.parse(codesJson(data)) as {
      exercise: { id: string };
      allLayers: boolean;
      transcript: { turns: Array<{ id: string }>; turnCount: number };
      coders: Array<{ id: string; reviewed: string[] }>;
      codebook: { version: number; entries: unknown[] };
      codes: Array<Record<string, unknown>>;
    };
    expect(body.exercise.id).toBe("ex-1");
    expect(body.allLayers).toBe(true);
    expect(body.transcript.turnCount).toBe(4);
    expect(JSON.stringify(body.transcript)).not.toContain("useless");
    expect(body.coders.map((c) => c.id)).toEqual([CODER_A.id, CODER_B.id]);
    expect(body.codebook.entries).toHaveLength(6);
    expect(body.codes.map((c) => c.code_id)).toEqual(["a1", "b1", "a2", "b3", "a3", "b2"]);
    expect(body.codes.find((c) => c.code_id === "b3")).toMatchObject({ quote: "=SUM(A1)", orphaned: true, start_offset: null, end_offset: null });
    expect(Object.keys(body.codes[0]!)).toEqual([...CODE_COLUMNS]);
  });
});
