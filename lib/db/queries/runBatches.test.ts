import { MessageChannel } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { SummaryPair } from "../../agreement/pairSummaries";
import { PAIRS_PER_BATCH, ROWS_PER_BATCH, type NewRunRow, batchBuffers, batchText, runBatches } from "./runBatches";

const row = (i: number): NewRunRow => ({
  variable: i % 2 ? "pooled" : "self.flexible",
  coderA: i % 3 ? `c${i}` : null,
  coderB: null,
  statistic: "po",
  value: i % 5 ? i / 7 : null,
  ciLow: null,
  ciHigh: null,
  nUnits: i,
  nCoders: 2,
  prevalence: i % 4 ? { "0": 0.25, "1": 0.75 } : null,
  warnings: i % 6 ? null : [`note ${i} — ünïcode`],
});
const pair = (i: number): SummaryPair => ({ coderA: `a${i}`, coderB: `b${i}`, detail: "summary", variables: { pooled: { n_units: 3, n_coders: 2, n_pairable_units: 3, po: 1 } } });

describe("runBatches", () => {
  it("splits rows and pair summaries into batches whose JSON gives back every item in order", () => {
    const rows = Array.from({ length: ROWS_PER_BATCH * 2 + 3 }, (_, i) => row(i));
    const pairs = Array.from({ length: PAIRS_PER_BATCH + 1 }, (_, i) => pair(i));
    const batches = runBatches(rows, pairs);
    expect(batches.rowCount).toBe(rows.length);
    expect(batches.rows).toHaveLength(3);
    expect(batches.pairSummaries).toHaveLength(2);
    expect(batches.rows.flatMap((b) => JSON.parse(batchText(b)) as NewRunRow[])).toEqual(rows);
    expect(batches.pairSummaries.flatMap((b) => JSON.parse(batchText(b)) as SummaryPair[])).toEqual(pairs);
  });

  it("makes no batch for no items", () => {
    expect(runBatches([], [])).toEqual({ rows: [], pairSummaries: [], rowCount: 0 });
  });

  it("names each batch's buffer once in the transfer list, and a transfer leaves the receiver the same text", async () => {
    const batches = runBatches([row(1), row(2)], [pair(1)]);
    const buffers = batchBuffers(batches);
    expect(buffers).toHaveLength(2);
    const expected = batches.rows.map(batchText);
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<typeof batches>((resolve) => port2.once("message", resolve));
    port1.postMessage(batches, buffers);
    const got = await received;
    port1.close();
    expect(got.rows.map(batchText)).toEqual(expected);
    // Transferred, not copied: the sender's bytes are gone.
    expect(batches.rows[0]!.byteLength).toBe(0);
  });
});
