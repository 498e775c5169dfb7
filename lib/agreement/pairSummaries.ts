import type { AgreementRunOutput, PairAgreement } from "./runSchema";

/**
 * A class's pair summaries travel and are stored apart from the rest of a run (issue 8): at 100 coders
 * they are ~6 MB of the run's ~9 MB, and as one JSON value they cost the embedded database's WebAssembly
 * heap tens of megabytes it never returns. The agreement worker splits them off, the database keeps them
 * as rows (agreement_pair_summaries), and whoever reads a run back merges them in again, in the order the
 * worker computed them.
 */

export type SummaryPair = Extract<PairAgreement, { detail: "summary" }>;

/** The output without its summary pairs, and those pairs. The output's full pairs (with the key, or a small group) stay. */
export function splitPairSummaries(output: AgreementRunOutput): { output: AgreementRunOutput; summaries: SummaryPair[] } {
  const summaries: SummaryPair[] = [];
  const full: PairAgreement[] = [];
  for (const pair of output.pairs) {
    if (pair.detail === "summary") summaries.push(pair);
    else full.push(pair);
  }
  return { output: { ...output, pairs: full }, summaries };
}

/**
 * The output with `summaries` merged into its pairs, ordered as computed: by coderA's, then coderB's
 * position among the run's coders (pairs of coders the run does not list go last, in arrival order).
 */
export function mergePairSummaries(output: AgreementRunOutput, summaries: readonly SummaryPair[]): AgreementRunOutput {
  if (summaries.length === 0) return output;
  const position = new Map(output.coders.map((id, i) => [id, i]));
  const unknown = output.coders.length;
  const rank = (p: PairAgreement) => (position.get(p.coderA) ?? unknown) * (unknown + 1) + (position.get(p.coderB) ?? unknown);
  const pairs = [...output.pairs, ...summaries].map((pair, arrival) => ({ pair, rank: rank(pair), arrival }));
  pairs.sort((x, y) => x.rank - y.rank || x.arrival - y.arrival);
  return { ...output, pairs: pairs.map((p) => p.pair) };
}
