import { describe, expect, it } from "vitest";
import { agreementBody } from "./agreementBody";
import { type AgreementView, agreementViewSchema } from "./runSchema";

function view(pairs: AgreementView["pairs"], po: number): AgreementView {
  return {
    runId: "run-1",
    computedAt: new Date(0).toISOString(),
    trigger: "live",
    durationMs: 1,
    source: "live",
    coders: [
      { id: "a", name: "Ann \"A\" Ö" },
      { id: "b", name: "Ben" },
    ],
    keyCoderId: null,
    nUnits: 2,
    unitDefinition: "Units are the client's turns (2).",
    comparedCoders: ["a", "b"],
    idleCoders: [],
    settings: { bootstrap: { replicates: 10, seed: 1 }, pairCiMaxCoders: 3, keyCiKinds: ["pooled"], pairDetailMaxCoders: 10 },
    variables: { pooled: { n_units: 2, n_coders: 2, n_pairable_units: 2, po, warnings: [] } },
    variableInfo: { pooled: { kind: "pooled", categories: ["none"], prevalence: { none: 1 } } },
    unitizing: null,
    pairs,
    vsKey: [],
    warnings: ["ünïcode ✓"],
  };
}

const pairs: AgreementView["pairs"] = [
  { coderA: "a", coderB: "b", detail: "summary", variables: { pooled: { n_units: 2, n_coders: 2, n_pairable_units: 2, po: 0.5, cohen_kappa: 0 } } },
];

describe("agreementBody", () => {
  it("serializes a view to JSON that parses back to the same view and passes the schema", async () => {
    const v = view(pairs, 0.5);
    const parsed: unknown = JSON.parse(await agreementBody(v).text());
    expect(parsed).toEqual(v);
    expect(agreementViewSchema.parse(parsed)).toEqual(v);
  });

  it("serializes a view without pairs to valid JSON", async () => {
    const v = view([], 1);
    expect(JSON.parse(await agreementBody(v).text())).toEqual(v);
  });

  it("serves the current numbers around an unchanged pairs array on every read (its bytes are reused)", async () => {
    const first = JSON.parse(await agreementBody(view(pairs, 0.25)).text()) as AgreementView;
    const second = JSON.parse(await agreementBody(view(pairs, 0.75)).text()) as AgreementView;
    expect(first.variables.pooled?.po).toBe(0.25);
    expect(second.variables.pooled?.po).toBe(0.75);
    expect(second.pairs).toEqual(pairs);
  });

  it("serializes a different pairs array afresh, not the bytes of an earlier one", async () => {
    await agreementBody(view(pairs, 0.5)).text();
    const other: AgreementView["pairs"] = [{ ...pairs[0]!, coderB: "c" }];
    const body = JSON.parse(await agreementBody(view(other, 0.5)).text()) as AgreementView;
    expect(body.pairs).toEqual(other);
  });
});
