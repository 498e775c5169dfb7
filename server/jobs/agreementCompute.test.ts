import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { agreementRunOutputSchema } from "../../lib/agreement/runSchema";
import { agreementView, type AgreementSettings } from "../../lib/db/queries/agreement";
import type { RoomLog } from "../../lib/db/queries/yjsLog";
import { anchorSpan } from "../../lib/domain/anchoring";
import { putCode, setReviewed } from "../../lib/domain/layerDoc";
import type { UnitScope } from "../../lib/domain/agreementUnits";
import { writeTurns } from "../../lib/domain/transcriptDoc";
import { computePrepared, prepareAgreement, type AgreementSource } from "./agreementCompute";

const settings: AgreementSettings = { bootstrap: { replicates: 50, seed: 1 }, pairCiMaxCoders: 3, keyCiKinds: ["dimension", "pooled"], pairDetailMaxCoders: 10 };
const TURNS = 40;

function log(doc: Y.Doc): RoomLog {
  return { snapshot: Y.encodeStateAsUpdate(doc), updates: [] };
}

function transcript(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  writeTurns(
    doc,
    Array.from({ length: TURNS }, (_, i) => ({ id: `t${i}`, speaker: i % 2 ? "C" : "T", role: i % 2 ? ("client" as const) : ("therapist" as const), start: null, end: null, text: `Turn number ${i} says something.` })),
  );
  return doc;
}

/** A layer that codes every turn i with i % 3 === 0 (self·I), turns with i % 5 === 0 get cognition with `pole`. */
function layer(tx: Y.Doc, pole: "flexible" | "inflexible", reviewedUpTo = TURNS): Y.Doc {
  const doc = new Y.Doc();
  setReviewed(
    doc,
    Array.from({ length: reviewedUpTo }, (_, i) => `t${i}`),
    true,
  );
  for (let i = 0; i < reviewedUpTo; i++) {
    const anchor = anchorSpan(tx, `t${i}`, 0, 4);
    if (i % 3 === 0) putCode(doc, `s${i}`, { ...anchor, dimension: "self", polarity: "inflexible", at: i });
    if (i % 5 === 0) putCode(doc, `c${i}`, { ...anchor, dimension: "cognition", polarity: pole, at: i });
  }
  return doc;
}

function source(tx: Y.Doc, layers: Record<string, Y.Doc>, keyCoderId: string | null = null, unitScope: UnitScope = "all_turns"): AgreementSource {
  const logs: Record<string, RoomLog> = {};
  for (const [id, doc] of Object.entries(layers)) logs[id] = log(doc);
  return { coderIds: Object.keys(layers), keyCoderId, unitScope, transcript: log(tx), layers: logs };
}

describe("agreement computation from stored documents", () => {
  it("gives the same fingerprint for the same codes and a new one when a code changes, not when only a note does", () => {
    const tx = transcript();
    const a = layer(tx, "inflexible");
    const b = layer(tx, "inflexible");
    const first = prepareAgreement(source(tx, { a, b }), settings).fingerprint;
    expect(prepareAgreement(source(tx, { b, a }), settings).fingerprint).toBe(first);
    const code = a.getMap("codes").get("s0") as Record<string, unknown>;
    a.getMap("codes").set("s0", { ...code, note: "a note changes no unit" });
    expect(prepareAgreement(source(tx, { a, b }), settings).fingerprint).toBe(first);
    a.getMap("codes").set("s0", { ...code, polarity: "flexible" });
    expect(prepareAgreement(source(tx, { a, b }), settings).fingerprint).not.toBe(first);
    expect(prepareAgreement(source(tx, { a, b }), { ...settings, bootstrap: { replicates: 51, seed: 1 } }).fingerprint).not.toBe(first);
  });

  it("computes every variable with CIs for all coders, each pair, each coder against the key, and the span view", () => {
    const tx = transcript();
    const prepared = prepareAgreement(source(tx, { key: layer(tx, "inflexible"), a: layer(tx, "inflexible"), b: layer(tx, "flexible") }, "key"), settings);
    const { output, rows } = computePrepared(prepared);
    expect(output.coders).toEqual(["a", "b", "key"]);
    // The producer writes exactly the one run shape (lib/agreement/runSchema) that the API and pages read.
    expect(agreementRunOutputSchema.strict().parse(JSON.parse(JSON.stringify(output)))).toEqual(JSON.parse(JSON.stringify(output)));
    expect(Object.keys(output.variables)).toHaveLength(19);
    expect(output.variables["self.inflexible"]?.krippendorff_alpha).toBe(1);
    expect(output.variables.pooled?.ci?.krippendorff_alpha).toBeDefined();
    expect(output.pairs.map((p) => [p.coderA, p.coderB])).toEqual([
      ["a", "b"],
      ["a", "key"],
      ["b", "key"],
    ]);
    expect(output.vsKey).toEqual([
      { coder: "a", key: "key" },
      { coder: "b", key: "key" },
    ]);
    const { vsKey } = agreementView({ id: "r", exerciseId: "e", fingerprint: prepared.fingerprint, trigger: "layers", computedAt: new Date(), durationMs: 1, output }, []);
    expect(vsKey[0]!.variables.cognition?.cohen_kappa).toBe(1);
    expect(vsKey[1]!.variables.cognition?.cohen_kappa).toBeLessThan(1);
    expect(vsKey[1]!.variables.cognition?.ci?.cohen_kappa).toBeDefined();
    // Opposite pole on cognition: the pooled distance counts it as half a disagreement.
    expect(vsKey[1]!.variables.pooled!.krippendorff_alpha!).toBeGreaterThan(vsKey[1]!.variables["cognition.flexible"]!.krippendorff_alpha ?? -1);
    expect(output.unitizing?.nTurns).toBe(TURNS);
    expect(output.unitizing?.krippendorff_unitizing_alpha_by_category["self.inflexible"]).toBe(1);
    const overallRows = rows.filter((r) => r.coderA === null && r.variable === "cognition");
    expect(overallRows.map((r) => r.statistic)).toContain("krippendorff_alpha");
    const alphaRow = overallRows.find((r) => r.statistic === "krippendorff_alpha")!;
    expect(alphaRow).toMatchObject({ nCoders: 3, nUnits: TURNS });
    expect(alphaRow.ciLow).not.toBeNull();
    expect(alphaRow.prevalence).toHaveProperty("flexible");
    expect(rows.some((r) => r.coderA === "a" && r.coderB === "key" && r.statistic === "cohen_kappa")).toBe(true);
    expect(rows.some((r) => r.variable === "spans" && r.statistic === "krippendorff_unitizing_alpha")).toBe(true);
  });

  it("summarizes pairs without the key above pairDetailMaxCoders (dimension and pooled variables, no rows) and keeps key pairs full", () => {
    const tx = transcript();
    const layers = { key: layer(tx, "inflexible"), a: layer(tx, "inflexible"), b: layer(tx, "flexible"), c: layer(tx, "inflexible", 20) };
    const { output, rows } = computePrepared(prepareAgreement(source(tx, layers, "key"), { ...settings, pairDetailMaxCoders: 3 }));
    expect(output.pairs).toHaveLength(6);
    const summary = output.pairs.find((p) => p.coderA === "a" && p.coderB === "b")!;
    expect(summary.detail).toBe("summary");
    expect(() => agreementRunOutputSchema.parse(JSON.parse(JSON.stringify(output)))).not.toThrow();
    expect(Object.keys(summary.variables)).toEqual(["emotion", "cognition", "attention", "self", "motivation", "overt_behavior", "pooled"]);
    expect(Object.keys(summary.variables.cognition!).sort()).toEqual(["cohen_kappa", "gwet_ac1", "krippendorff_alpha", "n_coders", "n_pairable_units", "n_units", "po"]);
    expect(output.pairs.filter((p) => p.detail === "full").map((p) => [p.coderA, p.coderB])).toEqual([
      ["a", "key"],
      ["b", "key"],
      ["c", "key"],
    ]);
    expect(rows.some((r) => r.coderA === "a" && r.coderB === "b")).toBe(false);
    expect(rows.some((r) => r.coderA === "c" && r.coderB === "key")).toBe(true);
  });

  it("leaves out coders who have not looked at any turn and computes nothing with fewer than two active coders", () => {
    const tx = transcript();
    const prepared = prepareAgreement(source(tx, { a: layer(tx, "inflexible"), idle: new Y.Doc() }), settings);
    expect(prepared.idleCoders).toEqual(["idle"]);
    const { output, rows } = computePrepared(prepared);
    expect(output.variables).toEqual({});
    expect(rows).toEqual([]);
    expect(output.warnings.join(" ")).toMatch(/Fewer than two coders/);
  });

  it("treats the turns a coder has not reached as missing, so half-finished layers do not inflate agreement", () => {
    const tx = transcript();
    const { output } = computePrepared(prepareAgreement(source(tx, { a: layer(tx, "inflexible"), b: layer(tx, "inflexible", 10) }), settings));
    expect(output.variables["self.inflexible"]?.n_pairable_units).toBe(10);
    expect(output.unitizing?.nTurns).toBe(10);
  });

  it("makes client turns the units by default and leaves therapist turns (and codes on them) out", () => {
    const tx = transcript();
    const { output } = computePrepared(prepareAgreement(source(tx, { a: layer(tx, "inflexible"), b: layer(tx, "flexible") }, null, "client_turns"), settings));
    expect(output.nUnits).toBe(TURNS / 2);
    expect(output.unitScope).toBe("client_turns");
    expect(output.unitDefinition).toBe("Units are the 20 client turns; the other 20 turns (therapist and other speakers) are not units.");
    expect(output.variables["self.inflexible"]?.n_pairable_units).toBe(TURNS / 2);
    expect(output.unitizing?.nTurns).toBe(TURNS / 2);
    // Codes on the even (therapist) turns are reported as outside the units, not as codes on deleted turns.
    expect(output.warnings.join(" ")).toMatch(/on turns that are not units/);
    expect(output.warnings.join(" ")).not.toMatch(/no longer has/);
  });

  it("counts therapist turns as units with the all-turns setting, and the fingerprint tells the two apart", () => {
    const tx = transcript();
    const layers = { a: layer(tx, "inflexible"), b: layer(tx, "flexible") };
    const all = prepareAgreement(source(tx, layers, null, "all_turns"), settings);
    const client = prepareAgreement(source(tx, layers, null, "client_turns"), settings);
    expect(all.units.units).toHaveLength(TURNS);
    expect(all.unitDefinition).toMatch(/^Units are all 40 turns, client and therapist/);
    expect(client.fingerprint).not.toBe(all.fingerprint);
  });
});
