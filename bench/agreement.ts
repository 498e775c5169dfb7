/**
 * `npm run bench:agreement`: timings for the agreement library on the product's own variables. Synthetic
 * coder layers (codes on turns, turns marked reviewed) go through lib/domain/fadUnits exactly as the
 * server's agreement worker sends real layers: buildFadUnits → fadVariables (12 presence variables
 * `<dimension>.<polarity>`, 6 dimension variables none/flexible/inflexible/both, and `pooled`, the whole
 * code set with the form-aware distance) → computeAgreement per variable.
 * Targets (2-core machine): 30 coders × 400 turns, all variables, 1,000 bootstrap replicates ≤ 1 s in
 * total; 2 coders × 400 turns, all variables, no bootstrap ≤ 20 ms; 100 coders × 2,000 turns reported.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { computeAgreement, mulberry32 } from "../lib/agreement";
import { DIMENSIONS, POLARITIES } from "../lib/domain/codebook";
import { type CoderLayer, type FadVariable, type LayerCode, buildFadUnits, fadVariables } from "../lib/domain/fadUnits";

/**
 * Layers of `coders` coders over `turns` turns. About half the turns carry a process (one code, sometimes
 * two); each coder looks at ~95% of the turns, reports a true code with probability `accuracy` (else
 * another dimension or the other pole), and adds a stray code now and then.
 */
function syntheticLayers(coders: number, turns: number, seed: number, accuracy = 0.8): { turnIds: string[]; layers: CoderLayer[] } {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const turnIds = Array.from({ length: turns }, (_, i) => `t${i}`);
  const truth: LayerCode[][] = turnIds.map((turnId) => {
    if (random() < 0.5) return [];
    const codes = [{ turnId, dimension: pick(DIMENSIONS), polarity: pick(POLARITIES) }];
    if (random() < 0.2) codes.push({ turnId, dimension: pick(DIMENSIONS), polarity: pick(POLARITIES) });
    return codes;
  });
  const layers = Array.from({ length: coders }, (_, c): CoderLayer => {
    const reviewed = turnIds.filter(() => random() < 0.95);
    const codes: LayerCode[] = [];
    for (const turnId of reviewed) {
      const u = Number(turnId.slice(1));
      for (const code of truth[u] ?? []) {
        if (random() < accuracy) codes.push(code);
        else codes.push(random() < 0.5 ? { ...code, polarity: code.polarity === "flexible" ? "inflexible" : "flexible" } : { ...code, dimension: pick(DIMENSIONS) });
      }
      if (random() < 0.05) codes.push({ turnId, dimension: pick(DIMENSIONS), polarity: pick(POLARITIES) });
    }
    return { coderId: `coder${c + 1}`, codes, reviewed };
  });
  return { turnIds, layers };
}

function variablesOf(coders: number, turns: number, seed: number): FadVariable[] {
  const { turnIds, layers } = syntheticLayers(coders, turns, seed);
  return fadVariables(buildFadUnits(turnIds, layers));
}

function time(run: () => void, repeats: number): number {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const rows: { scenario: string; ms: number; target?: number }[] = [];
const bootstrap = { replicates: 1000, seed: 1 };
const computeAll = (variables: readonly FadVariable[], withBootstrap: boolean) => {
  for (const v of variables) computeAgreement(withBootstrap ? { ...v.input, bootstrap } : v.input);
};

// Warm the JIT on other data so the first measured case is not charged for compilation.
computeAll(variablesOf(5, 200, 99), true);

const cohort = variablesOf(30, 400, 100);
rows.push({
  scenario: `30 coders × 400 turns × ${cohort.length} variables (${cohort.map((v) => v.kind).filter((k, i, a) => a.indexOf(k) === i).join(", ")}), 1,000 bootstrap replicates (total)`,
  ms: time(() => computeAll(cohort, true), 3),
  target: 1000,
});
const cohortPooled = cohort.filter((v) => v.kind === "pooled");
rows.push({ scenario: "  same, the pooled variable alone", ms: time(() => computeAll(cohortPooled, true), 3) });
rows.push({ scenario: "  building the units and variables from 30 layers", ms: time(() => variablesOf(30, 400, 100), 5) });

const pair = variablesOf(2, 400, 7);
rows.push({ scenario: `2 coders × 400 turns × ${pair.length} variables, no bootstrap`, ms: time(() => computeAll(pair, false), 51), target: 20 });
rows.push({ scenario: `2 coders × 400 turns × ${pair.length} variables, 1,000 bootstrap replicates`, ms: time(() => computeAll(pair, true), 5) });

const large = variablesOf(100, 2000, 11);
rows.push({ scenario: `100 coders × 2,000 turns × ${large.length} variables, no bootstrap`, ms: time(() => computeAll(large, false), 3) });
rows.push({ scenario: `100 coders × 2,000 turns × ${large.length} variables, 1,000 bootstrap replicates`, ms: time(() => computeAll(large, true), 1) });

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`machine: ${cpu}, ${os.cpus().length} cores, ${os.platform()} ${os.release()}, node ${process.version}`);
console.log("times are medians of repeated runs after a warm-up\n");
const width = Math.max(...rows.map((r) => r.scenario.length));
console.log(`${"scenario".padEnd(width)}  ${"time".padStart(10)}  target`);
console.log(`${"-".repeat(width)}  ${"-".repeat(10)}  ------`);
let failed = false;
for (const r of rows) {
  const verdict = r.target === undefined ? "" : r.ms <= r.target ? `≤ ${r.target} ms  ok` : `≤ ${r.target} ms  MISSED`;
  if (r.target !== undefined && r.ms > r.target) failed = true;
  console.log(`${r.scenario.padEnd(width)}  ${`${r.ms.toFixed(1)} ms`.padStart(10)}  ${verdict}`);
}
if (failed) process.exitCode = 1;
