/**
 * `npm run bench:agreement`: timings for the agreement library on synthetic FAD-like data.
 * Targets (2-core machine): 30 coders × 400 units × 19 variables with 1,000 bootstrap replicates
 * ≤ 1 s in total; 2 coders × 400 units without bootstrap ≤ 20 ms; 100 coders × 2,000 units reported.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { computeAgreement, mulberry32, type AgreementInput, type Level } from "../lib/agreement";

interface Variable {
  readonly name: string;
  readonly categories: number;
  readonly level: Level;
}

/** 6 dimensions × 2 polarities present/absent, 6 dimension-level codes, one 13-way code. */
const FAD_VARIABLES: Variable[] = [
  ...["emotion", "cognition", "attention", "self", "motivation", "overt_behavior"].flatMap((d) => [
    { name: `${d}.flexible`, categories: 2, level: "nominal" as const },
    { name: `${d}.inflexible`, categories: 2, level: "nominal" as const },
  ]),
  ...["emotion", "cognition", "attention", "self", "motivation", "overt_behavior"].map((d) => ({
    name: `${d}.polarity`,
    categories: 3,
    level: "ordinal" as const,
  })),
  { name: "dimension×polarity", categories: 13, level: "nominal" },
];

/** Each coder reports the unit's true code with probability `accuracy`, else a uniform guess. */
function synthetic(coders: number, units: number, K: number, seed: number, missing = 0.05, accuracy = 0.8): AgreementInput["data"] {
  const random = mulberry32(seed);
  // Skewed prevalence, as in real coding: the first category ("absent") dominates.
  const truth = Array.from({ length: units }, () => (random() < 0.6 ? 0 : Math.floor(random() * K)));
  const data: Record<string, (number | null)[]> = {};
  for (let c = 0; c < coders; c++) {
    data[`coder${c + 1}`] = truth.map((t) => (random() < missing ? null : random() < accuracy ? t : Math.floor(random() * K)));
  }
  return data;
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

// Warm the JIT on other data so the first measured case is not charged for compilation.
computeAgreement({ level: "ordinal", data: synthetic(5, 200, 3, 99), bootstrap: { replicates: 200, seed: 2 } });

const cohort = FAD_VARIABLES.map((v, i) => ({ level: v.level, data: synthetic(30, 400, v.categories, 100 + i), bootstrap }));
rows.push({
  scenario: "30 coders × 400 units × 19 variables, 1,000 bootstrap replicates (total)",
  ms: time(() => cohort.forEach((input) => computeAgreement(input)), 3),
  target: 1000,
});
rows.push({
  scenario: "  same, one variable (mean of the 19)",
  ms: rows[0]!.ms / FAD_VARIABLES.length,
});

const pair = { level: "nominal" as const, data: synthetic(2, 400, 3, 7) };
rows.push({ scenario: "2 coders × 400 units, no bootstrap", ms: time(() => computeAgreement(pair), 51), target: 20 });
rows.push({
  scenario: "2 coders × 400 units, 1,000 bootstrap replicates",
  ms: time(() => computeAgreement({ ...pair, bootstrap }), 5),
});

const large = { level: "nominal" as const, data: synthetic(100, 2000, 3, 11) };
rows.push({ scenario: "100 coders × 2,000 units, no bootstrap", ms: time(() => computeAgreement(large), 5) });
rows.push({ scenario: "100 coders × 2,000 units, 1,000 bootstrap replicates", ms: time(() => computeAgreement({ ...large, bootstrap }), 3) });
const largeOrdinal = { level: "ordinal" as const, data: synthetic(100, 2000, 5, 12), bootstrap };
rows.push({ scenario: "100 coders × 2,000 units, ordinal K=5, 1,000 replicates", ms: time(() => computeAgreement(largeOrdinal), 3) });

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
