import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { type SummaryPair, mergePairSummaries } from "../../agreement/pairSummaries";
import { AGREEMENT_ENGINE_VERSION, type AgreementRunOutput, type AgreementSettings, type StoredRun, type UnitMasks, unitMasksSchema } from "../../agreement/runSchema";
import type { Db } from "../client";
import { newId } from "../ids";
import { agreementPairSummaries, agreementResults, agreementRuns, exercises, yjsSnapshots, yjsUpdates } from "../schema";
import { lockExerciseAgreement } from "./clusterLocks";
import { type NewRunRow, type RunBatches, batchText, runBatches } from "./runBatches";

export type { NewRunRow } from "./runBatches";

/**
 * Stored agreement runs (ARCHITECTURE "Agreement: pure math in lib/, computed and stored by the
 * server"). The server's agreement worker writes them; pages, exports and GET
 * /api/exercises/:id/agreement read them.
 */

export {
  AGREEMENT_ENGINE_VERSION,
  PAIR_SUMMARY_STATISTICS,
  agreementView,
  type AgreementRunOutput,
  type AgreementSettings,
  type AgreementView,
  type KeyAgreement,
  type PairAgreement,
  type PairSummary,
  type StoredRun,
  type VariableInfo,
  type VariableKind,
} from "../../agreement/runSchema";

/**
 * Why these defaults: a 2-coder, 400-turn, 19-variable bootstrap costs ~0.6 s, so beyond
 * `pairCiMaxCoders` pairs get point estimates only (30 coders' 435 pairs would take minutes of CPU per
 * run); beyond `pairDetailMaxCoders` pairs that do not include the key get a summary of the dimension and
 * pooled variables only (30 coders would otherwise mean ~55,000 result rows and a 4 MB output per run).
 * Pairs with the key always get CIs on `keyCiKinds` (the per-dimension criterion and the pooled score).
 */
export const DEFAULT_AGREEMENT_SETTINGS: AgreementSettings = {
  bootstrap: { replicates: 1000, seed: 1 },
  pairCiMaxCoders: 3,
  keyCiKinds: ["dimension", "pooled"],
  pairDetailMaxCoders: 10,
};

/**
 * The database's clock, read before a run reads its inputs: a run is "as of" that moment (computedAt),
 * comparable with the update log's created_at even when the server's clock differs from the database's.
 */
export async function databaseNow(db: Db): Promise<Date> {
  const rows = await db.select({ epoch: sql<number>`extract(epoch from clock_timestamp())::float8` }).from(sql`(select 1) as one`);
  return new Date(Math.floor(Number(rows[0]!.epoch) * 1000));
}

export async function knownFingerprints(db: Db, exerciseId: string): Promise<string[]> {
  const rows = await db.select({ fingerprint: agreementRuns.fingerprint }).from(agreementRuns).where(eq(agreementRuns.exerciseId, exerciseId));
  return rows.map((r) => r.fingerprint);
}

/**
 * Stores a run, its flattened rows and its pair summaries in one transaction. `outputJson` is the
 * serialized AgreementRunOutput without its summary pairs (lib/agreement/pairSummaries) and `batches` its
 * rows and summary pairs as JSON text (lib/db/queries/runBatches, serialized by the agreement worker): all
 * of it goes to the database as text and is never parsed or re-encoded on this thread. Callers that hold
 * rows as objects (tests, tools) pass `rows` / `pairSummaries` instead. Returns null when a run with this
 * fingerprint already exists (another node, or a race with ourselves): identical inputs give identical
 * output, so nothing is lost.
 */
export async function insertAgreementRun(
  db: Db,
  run: {
    exerciseId: string;
    fingerprint: string;
    trigger: string;
    /** When the inputs were read (databaseNow); default: the insert's time. */
    computedAt?: Date;
    durationMs: number;
    outputJson: string;
  } & ({ batches: RunBatches } | { rows: readonly NewRunRow[]; pairSummaries?: readonly SummaryPair[] }),
  options: { yieldBetweenInserts?: () => Promise<void> } = {},
): Promise<string | null> {
  const id = newId();
  const batches = "batches" in run ? run.batches : runBatches(run.rows, run.pairSummaries);
  return db.transaction(async (tx) => {
    // One node at a time stores runs for this exercise, cluster-wide (every node runs the scheduler).
    await lockExerciseAgreement(tx, run.exerciseId);
    const inserted = await tx
      .insert(agreementRuns)
      .values({
        id,
        exerciseId: run.exerciseId,
        fingerprint: run.fingerprint,
        trigger: run.trigger,
        ...(run.computedAt ? { computedAt: run.computedAt } : {}),
        durationMs: Math.round(run.durationMs),
        output: sql`${run.outputJson}::jsonb`,
      })
      .onConflictDoNothing({ target: [agreementRuns.exerciseId, agreementRuns.fingerprint] })
      .returning({ id: agreementRuns.id });
    if (inserted.length === 0) return null;
    const r = agreementResults;
    for (const batch of batches.rows) {
      await options.yieldBetweenInserts?.();
      const json = batchText(batch);
      // Inserted in the batch's order (ids follow it; agreementRunRows reads by id).
      await tx.execute(sql`insert into ${r} (${sql.identifier(r.runId.name)}, ${sql.identifier(r.variable.name)}, ${sql.identifier(r.coderA.name)}, ${sql.identifier(r.coderB.name)},
          ${sql.identifier(r.statistic.name)}, ${sql.identifier(r.value.name)}, ${sql.identifier(r.ciLow.name)}, ${sql.identifier(r.ciHigh.name)}, ${sql.identifier(r.nUnits.name)},
          ${sql.identifier(r.nCoders.name)}, ${sql.identifier(r.prevalence.name)}, ${sql.identifier(r.warnings.name)})
        select ${id}, x."variable", x."coderA", x."coderB", x."statistic", x."value", x."ciLow", x."ciHigh", x."nUnits", x."nCoders", x."prevalence", x."warnings"
        from rows from (jsonb_to_recordset(${json}::jsonb) as ("variable" text, "coderA" text, "coderB" text, "statistic" text, "value" float8,
          "ciLow" float8, "ciHigh" float8, "nUnits" int, "nCoders" int, "prevalence" jsonb, "warnings" jsonb)) with ordinality
          as x("variable", "coderA", "coderB", "statistic", "value", "ciLow", "ciHigh", "nUnits", "nCoders", "prevalence", "warnings", "n")
        order by x."n"`);
    }
    const p = agreementPairSummaries;
    for (const batch of batches.pairSummaries) {
      await options.yieldBetweenInserts?.();
      const json = batchText(batch);
      await tx.execute(sql`insert into ${p} (${sql.identifier(p.runId.name)}, ${sql.identifier(p.coderA.name)}, ${sql.identifier(p.coderB.name)}, ${sql.identifier(p.variables.name)})
        select ${id}, x."coderA", x."coderB", x."variables" from jsonb_to_recordset(${json}::jsonb) as x("coderA" text, "coderB" text, "variables" jsonb)`);
    }
    return id;
  });
}

/**
 * The layers changed but their units did not (a note, an edit undone, a submit): the stored run with this
 * fingerprint describes them as of `asOf`. Its computedAt moves forward to it, so it is the latest run
 * (also when the layers went back to an earlier state) and start-up catch-up (exercisesNeedingRun) sees
 * it as up to date. computedAt thus reads "agreement as of": when the inputs were last read and found
 * to give this run.
 */
export async function markRunCurrent(db: Db, exerciseId: string, fingerprint: string, asOf: Date): Promise<void> {
  await db
    .update(agreementRuns)
    .set({ computedAt: sql`greatest(${agreementRuns.computedAt}, ${asOf.toISOString()}::timestamptz)` })
    .where(and(eq(agreementRuns.exerciseId, exerciseId), eq(agreementRuns.fingerprint, fingerprint)));
}

/**
 * Keeps the newest `keep` runs of an exercise and deletes older ones that were live recomputes (trigger
 * "layers"); runs made on a submit, a reveal or at start stay as history. Live coding would otherwise
 * store a run every few seconds, each with up to a few thousand result rows.
 */
export async function pruneLiveRuns(db: Db, exerciseId: string, keep = 5): Promise<number> {
  const newest = await db
    .select({ id: agreementRuns.id, computedAt: agreementRuns.computedAt })
    .from(agreementRuns)
    .where(eq(agreementRuns.exerciseId, exerciseId))
    .orderBy(desc(agreementRuns.computedAt))
    .limit(keep);
  const oldestKept = newest.length === keep ? newest[newest.length - 1]!.computedAt : null;
  if (!oldestKept) return 0;
  const deleted = await db
    .delete(agreementRuns)
    .where(and(eq(agreementRuns.exerciseId, exerciseId), eq(agreementRuns.trigger, "layers"), lt(agreementRuns.computedAt, oldestKept)))
    .returning({ id: agreementRuns.id });
  return deleted.length;
}

export async function latestAgreementRun(db: Db, exerciseId: string): Promise<StoredRun | null> {
  const rows = await db.select().from(agreementRuns).where(eq(agreementRuns.exerciseId, exerciseId)).orderBy(desc(agreementRuns.computedAt)).limit(1);
  const row = rows[0];
  if (!row) return null;
  return { ...row, output: mergePairSummaries(row.output as AgreementRunOutput, await pairSummariesOf(db, row.id, null)) };
}

/**
 * A run's summary pairs from agreement_pair_summaries: all of them (`coderIds` null), or those that
 * involve one of `coderIds` (none for an empty list). Runs stored before the table existed have none here;
 * their summaries are still inside the output.
 */
async function pairSummariesOf(db: Db, runId: string, coderIds: readonly string[] | null): Promise<SummaryPair[]> {
  if (coderIds !== null && coderIds.length === 0) return [];
  const t = agreementPairSummaries;
  const involved = coderIds === null ? undefined : or(inArray(t.coderA, [...coderIds]), inArray(t.coderB, [...coderIds]));
  const rows = await db.select({ coderA: t.coderA, coderB: t.coderB, variables: t.variables }).from(t).where(and(eq(t.runId, runId), involved));
  return rows.map((r) => ({ coderA: r.coderA, coderB: r.coderB, detail: "summary", variables: r.variables as SummaryPair["variables"] }));
}

/**
 * The latest run with only the pairs that involve one of `coderIds` (none for an empty list): a trainee's
 * review needs their own pairs, one coder's detail that coder's. A class's run holds n² pairs — megabytes of JSON at 40
 * coders — which PGlite would otherwise serialize and this thread parse on every read; the database drops
 * them instead: from the output's own pairs (the full ones, and every pair of a run stored before
 * agreement_pair_summaries existed) and from the summary rows.
 */
export async function latestRunWithPairsOf(db: Db, exerciseId: string, coderIds: readonly string[]): Promise<StoredRun | null> {
  const ids = sql.join(
    coderIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const involved = coderIds.length > 0 ? sql`p->>'coderA' in (${ids}) or p->>'coderB' in (${ids})` : sql`false`;
  const pairs = sql`coalesce((select jsonb_agg(p) from jsonb_array_elements(${agreementRuns.output}->'pairs') as p where ${involved}), '[]'::jsonb)`;
  const rows = await db
    .select({
      id: agreementRuns.id,
      exerciseId: agreementRuns.exerciseId,
      fingerprint: agreementRuns.fingerprint,
      trigger: agreementRuns.trigger,
      computedAt: agreementRuns.computedAt,
      durationMs: agreementRuns.durationMs,
      output: sql<unknown>`(${agreementRuns.output} - 'pairs') || jsonb_build_object('pairs', ${pairs})`,
    })
    .from(agreementRuns)
    .where(eq(agreementRuns.exerciseId, exerciseId))
    .orderBy(desc(agreementRuns.computedAt))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return { ...row, output: mergePairSummaries(row.output as AgreementRunOutput, await pairSummariesOf(db, row.id, coderIds)) };
}

export async function agreementRunRows(db: Db, runId: string): Promise<Array<typeof agreementResults.$inferSelect>> {
  return db.select().from(agreementResults).where(eq(agreementResults.runId, runId)).orderBy(agreementResults.id);
}

/**
 * When the exercise's inputs last changed as stored: its layers' and its transcript's newest update or
 * snapshot (database clock, like a run's computedAt). The live agreement compares a stored run with it
 * when it loads an exercise, so a run that already covers every stored change keeps its intervals.
 */
export async function inputsChangedAt(db: Db, exerciseId: string, transcriptId: string): Promise<Date | null> {
  const layers = `layer:${exerciseId}:%`;
  const transcript = `tx:${transcriptId}`;
  const rows = await db.select({
    at: sql<string | null>`greatest(
      (select max(${yjsUpdates.createdAt}) from ${yjsUpdates} where ${yjsUpdates.room} like ${layers} or ${yjsUpdates.room} = ${transcript}),
      (select max(${yjsSnapshots.updatedAt}) from ${yjsSnapshots} where ${yjsSnapshots.room} like ${layers} or ${yjsSnapshots.room} = ${transcript}))::text`,
  }).from(sql`(select 1) as one`);
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

/**
 * Exercises (coding or revealed) whose layers changed after their latest run, that have layer data and
 * no run at all, or whose latest run came from an older engine: the scheduler computes them at start, covering changes made while no scheduler
 * ran (a shutdown drops debounced runs that had not started yet) and runs that failed.
 */
export async function exercisesNeedingRun(db: Db): Promise<string[]> {
  const rooms = sql`'layer:' || ${exercises.id} || ':%'`;
  const lastChange = sql`greatest(
    (select max(${yjsUpdates.createdAt}) from ${yjsUpdates} where ${yjsUpdates.room} like ${rooms}),
    (select max(${yjsSnapshots.updatedAt}) from ${yjsSnapshots} where ${yjsSnapshots.room} like ${rooms}))`;
  const lastRun = sql`(select max(${agreementRuns.computedAt}) from ${agreementRuns} where ${agreementRuns.exerciseId} = ${exercises.id})`;
  // A run from an older engine lacks what today's views read (e.g. unitMasks): recompute it once.
  const lastEngine = sql`(select coalesce((${agreementRuns.output}->>'engine')::int, 0) from ${agreementRuns} where ${agreementRuns.exerciseId} = ${exercises.id} order by ${agreementRuns.computedAt} desc limit 1)`;
  const rows = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(
      and(
        inArray(exercises.state, ["coding", "revealed"]),
        sql`(${lastChange} > coalesce(${lastRun}, '-infinity'::timestamptz) or ${lastEngine} < ${AGREEMENT_ENGINE_VERSION})`,
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * The run's per-unit code sets, checked (stored JSON is a boundary): null for a run stored before engine
 * 2, or one whose masks do not line up with its units.
 */
export function unitMasksOf(run: StoredRun): UnitMasks | null {
  const parsed = unitMasksSchema.safeParse(run.output.unitMasks);
  if (!parsed.success) return null;
  const n = parsed.data.units.length;
  return Object.values(parsed.data.masks).every((m) => m.length === n) ? parsed.data : null;
}
