import os from "node:os";

export interface ScenarioResult {
  coders: number;
  database: "pglite" | "postgres";
  seconds: number;
  joinMs: number;
  updates: number;
  acks: number[];
  /** Coders with a write still unacknowledged 30 s after coding stopped. */
  unsaved: number;
  freshness: number[];
  polls: Array<{ status: number; ms: number; bytes: number }>;
  revealToFinalMs: number;
  submitMs: number;
  serverCpu: number;
  rssCodingMb: number;
  rssPeakMb: number;
  clientLoopP99: number;
  pages: PageLoads;
  /** The same pages 15 s later, once the reveal's run is stored. */
  pagesSettled: PageLoads;
}

type PageLoads = Partial<Record<"agreement" | "review" | "progress", { status: number; bytes: number; ms: number }>>;

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

const ms = (v: number) => (Number.isFinite(v) ? Math.round(v).toString() : "–");
const s = (v: number) => (Number.isFinite(v) ? (v / 1000).toFixed(1) : "–");
const kb = (bytes: number | undefined) => (bytes === undefined ? "–" : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.round(bytes / 1000)} KB`);

export function printResults(results: readonly ScenarioResult[], meta: { secondsPlanned: number; loadavg: number[] }): void {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const lines = [
    "## Classroom benchmark (`npm run bench:classroom`)",
    "",
    `Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; load average at the end ${meta.loadavg.map((l) => l.toFixed(1)).join(" / ")}.`,
    `Each trainee: transcript + own layer socket (real y-websocket clients), ~0.6 updates/s for ${meta.secondsPlanned} s; the instructor reads the agreement API every 500 ms.`,
    "",
    "| coders | database | saved-ack p50 / p95 / p99 (ms) | agreement shows a change after p50 / p95 (s) | reveal → final numbers (s) | agreement page (at reveal → settled) | review page | progress page | server CPU | server RSS peak (MB) | agreement API p95 (ms) |",
    "|---:|---|---|---|---:|---|---|---|---:|---:|---:|",
  ];
  for (const r of results) {
    const one = (p: PageLoads[keyof PageLoads]) => (p ? `${kb(p.bytes)}, ${ms(p.ms)} ms${p.status === 200 ? "" : ` (HTTP ${p.status})`}` : "–");
    // Right after the final numbers, then settled: "155 KB, 420 ms → 150 KB, 120 ms".
    const page = (name: "agreement" | "review" | "progress") => `${one(r.pages[name])} → ${one(r.pagesSettled[name])}`;
    const okPolls = r.polls.filter((p) => p.status === 200).map((p) => p.ms);
    lines.push(
      `| ${r.coders} | ${r.database === "postgres" ? "PostgreSQL" : "PGlite"} | ${ms(percentile(r.acks, 50))} / ${ms(percentile(r.acks, 95))} / ${ms(percentile(r.acks, 99))} | ${s(percentile(r.freshness, 50))} / ${s(percentile(r.freshness, 95))} (n=${r.freshness.length}) | ${s(r.revealToFinalMs)} | ${page("agreement")} | ${page("review")} | ${page("progress")} | ${Math.round(r.serverCpu * 100)}% | ${r.rssPeakMb} | ${ms(percentile(okPolls, 95))} |`,
    );
  }
  lines.push("");
  for (const r of results) {
    lines.push(
      `- ${r.coders} coders, ${r.database}: ${r.updates} layer writes in ${r.seconds.toFixed(0)} s, ${r.acks.length} acks timed, ${r.unsaved} coders left unsaved; join of ${r.coders * 2} sockets ${ms(r.joinMs)} ms; all submits ${ms(r.submitMs)} ms; RSS while coding ${r.rssCodingMb} MB; bench client loop delay p99 ${r.clientLoopP99.toFixed(0)} ms.`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  process.stdout.write(`${JSON.stringify(results.map(summaryOf))}\n`);
}

/** One row's figures in a line of JSON (the raw samples summarised). */
export function summaryOf(r: ScenarioResult): Record<string, unknown> {
  const { acks, freshness, polls, ...rest } = r;
  return {
    ...rest,
    ack: { n: acks.length, p50: percentile(acks, 50), p95: percentile(acks, 95), p99: percentile(acks, 99) },
    freshness: { n: freshness.length, p50: percentile(freshness, 50), p95: percentile(freshness, 95) },
    agreementApiP95: percentile(polls.filter((p) => p.status === 200).map((p) => p.ms), 95),
  };
}
