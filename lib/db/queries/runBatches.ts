import type { SummaryPair } from "../../agreement/pairSummaries";
import type { AgreementResultRow } from "../../agreement/runSchema";

/**
 * A stored run's rows and pair summaries as JSON text, in the batches insertAgreementRun sends (one
 * statement each, expanded by the database with jsonb_to_recordset). The agreement worker serializes them
 * on its own thread: a class's run is ~12,000 result rows and ~5,000 pair summaries, and building them
 * into statement parameters on the server's thread (drizzle turns every row into a dozen parameters and
 * stringifies every jsonb value) held the event loop that "saved" acks wait on for hundreds of milliseconds.
 */

/** One flattened result row as a run stores it (lib/agreement/runSchema). */
export type NewRunRow = AgreementResultRow;

/**
 * What the worker hands over and insertAgreementRun stores: UTF-8 bytes, so the worker can transfer them
 * (no copy, and no ~17 MB of strings for the server's thread to rebuild at 100 coders); each batch is
 * decoded only when its statement is sent.
 */
export interface RunBatches {
  /** JSON arrays of NewRunRow, in the run's order. */
  rows: Uint8Array[];
  /** JSON arrays of SummaryPair ({coderA, coderB, detail, variables}). */
  pairSummaries: Uint8Array[];
  rowCount: number;
}

/**
 * 2,000 rows or 400 pair summaries (~1.3 KB of JSON each) per statement: ~0.5 MB each, so the embedded
 * database's WebAssembly heap never holds a class's megabytes at once, and a handful of statements, not
 * hundreds of round trips, keep the transaction short (on PGlite every save waits for it).
 */
export const ROWS_PER_BATCH = 2000;
export const PAIRS_PER_BATCH = 400;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function batches<T>(items: readonly T[], size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < items.length; i += size) out.push(encoder.encode(JSON.stringify(items.slice(i, i + size))));
  return out;
}

export function runBatches(rows: readonly NewRunRow[], pairSummaries: readonly SummaryPair[] = []): RunBatches {
  return { rows: batches(rows, ROWS_PER_BATCH), pairSummaries: batches(pairSummaries, PAIRS_PER_BATCH), rowCount: rows.length };
}

/** One batch's JSON text. */
export function batchText(batch: Uint8Array): string {
  return decoder.decode(batch);
}

/** The batches' buffers, to transfer them to another thread rather than copy them. */
export function batchBuffers(batches: RunBatches): ArrayBuffer[] {
  // A transfer list must not name a buffer twice (TextEncoder gives each batch its own, but that is its detail).
  return [...new Set([...batches.rows, ...batches.pairSummaries].map((b) => b.buffer as ArrayBuffer))];
}
