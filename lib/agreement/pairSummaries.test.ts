import { describe, expect, it } from "vitest";
import { type SummaryPair, mergePairSummaries, splitPairSummaries } from "./pairSummaries";
import type { AgreementRunOutput, PairAgreement } from "./runSchema";

const coders = ["c1", "c2", "c3", "c4"];
const summary = (coderA: string, coderB: string): SummaryPair => ({ coderA, coderB, detail: "summary", variables: { pooled: { n_units: 3, n_coders: 2, n_pairable_units: 3, po: 0.5 } } });
const full = (coderA: string, coderB: string): PairAgreement => ({ coderA, coderB, detail: "full", variables: {} });

function outputWith(pairs: PairAgreement[]): AgreementRunOutput {
  return {
    engine: 2,
    settings: { bootstrap: { replicates: 10, seed: 1 }, pairCiMaxCoders: 3, keyCiKinds: ["pooled"], pairDetailMaxCoders: 2 },
    nUnits: 3,
    coders,
    idleCoders: [],
    keyCoderId: "c1",
    variables: {},
    variableInfo: {},
    unitizing: null,
    pairs,
    vsKey: [],
    warnings: [],
  };
}

describe("pair summaries apart from the run", () => {
  // The order the agreement worker computes pairs in: (c1,c2) (c1,c3) … (c3,c4); with key c1 the first three are full.
  const computed = outputWith([full("c1", "c2"), full("c1", "c3"), full("c1", "c4"), summary("c2", "c3"), summary("c2", "c4"), summary("c3", "c4")]);

  it("splits off exactly the summary pairs and keeps the full ones in the output", () => {
    const { output, summaries } = splitPairSummaries(computed);
    expect(output.pairs.map((p) => p.detail)).toEqual(["full", "full", "full"]);
    expect(summaries.map((p) => `${p.coderA}-${p.coderB}`)).toEqual(["c2-c3", "c2-c4", "c3-c4"]);
    expect({ ...output, pairs: computed.pairs }).toEqual(computed);
  });

  it("merges them back into the computed order, whatever order the database returns them in", () => {
    const { output, summaries } = splitPairSummaries(computed);
    expect(mergePairSummaries(output, [...summaries].reverse())).toEqual(computed);
  });

  it("leaves an output without summaries as it is", () => {
    const small = outputWith([full("c1", "c2")]);
    expect(mergePairSummaries(small, [])).toBe(small);
    expect(splitPairSummaries(small).summaries).toEqual([]);
  });

  it("puts pairs of coders the run does not list after the others instead of dropping them", () => {
    const { output } = splitPairSummaries(computed);
    const merged = mergePairSummaries(output, [summary("c9", "c2"), summary("c2", "c3")]);
    expect(merged.pairs.map((p) => `${p.coderA}-${p.coderB}`)).toEqual(["c1-c2", "c1-c3", "c1-c4", "c2-c3", "c9-c2"]);
  });
});
