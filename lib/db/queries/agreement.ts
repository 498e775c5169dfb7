import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { AgreementResult, Category, UnitizingResult } from "../../agreement";
import type { Db } from "../client";
import { newId } from "../ids";
import { agreementResults, agreementRuns, exercises, yjsSnapshots, yjsUpdates } from "../schema";

/**
 * Stored agreement runs (ARCHITECTURE "Agreement: pure math in lib/, computed and stored by the
 * server"). The server's agreement worker writes them; pages, exports and GET
 * /api/exercises/:id/agreement read them.
 */

/** Bumped when the engine's output for the same layers changes, so old fingerprints stop matching. */
export const AGREEMENT_ENGINE_VERSION = 1;

export type VariableKind = "presence" | "dimension" | "pooled";

export interface AgreementSettings {
  /** Percentile bootstrap (replicates, seed) for every all-coder variable. */
  bootstrap: { replicates: number; seed: number };
  /**
   * Up to this many active coders, every pair gets CIs on every variable too. Beyond it, pairs get point
   * estimates only: a 2-coder, 400-turn, 19-variable bootstrap costs ~0.6 s, so 30 coders' 435 pairs
   * would take minutes of CPU per run for a matrix that is read for its point estimates.
   */
  pairCiMaxCoders: number;
  /**
   * Pairs with the key coder (the vsKey scores trainees are judged on) always get CIs on these variable
   * kinds — the per-dimension criterion (e.g. κ ≥ .70 per dimension) and the pooled score.
   */
  keyCiKinds: VariableKind[];
  /**
   * Up to this many active coders, every pair gets the full §6 output of every variable and its
   * flattened result rows. Above it (a cohort), pairs that do not include the key get a summary of the
   * dimension and pooled variables only, kept in the run's output and not flattened: 30 coders would
   * otherwise mean ~55,000 result rows and a 4 MB output per run, which embedded PGlite (running on the
   * server's own thread) cannot store without stalling the collaboration event loop.
   */
  pairDetailMaxCoders: number;
}

export const DEFAULT_AGREEMENT_SETTINGS: AgreementSettings = {
  bootstrap: { replicates: 1000, seed: 1 },
  pairCiMaxCoders: 3,
  keyCiKinds: ["dimension", "pooled"],
  pairDetailMaxCoders: 10,
};

/** The statistics a pair summary keeps (besides n). */
export const PAIR_SUMMARY_STATISTICS = ["po", "cohen_kappa", "krippendorff_alpha", "gwet_ac1"] as const;

export type PairSummary = Pick<AgreementResult, "n_units" | "n_coders" | "n_pairable_units" | (typeof PAIR_SUMMARY_STATISTICS)[number]>;

export interface VariableInfo {
  kind: VariableKind;
  /** Declared categories in order (presence 0/1; dimension none/flexible/inflexible/both; pooled code-set labels). */
  categories: Category[];
  /** category → share of all non-missing values (all coders, all units). */
  prevalence: Record<string, number>;
}

export type PairAgreement =
  | {
      coderA: string;
      coderB: string;
      detail: "full";
      /** variable → CONTRACTS §6 output for these two coders. */
      variables: Record<string, AgreementResult>;
    }
  | {
      coderA: string;
      coderB: string;
      /** Large cohorts (see pairDetailMaxCoders): the dimension and pooled variables, a few statistics each. */
      detail: "summary";
      variables: Record<string, PairSummary>;
    };

export interface KeyAgreement {
  coder: string;
  key: string;
  variables: Record<string, AgreementResult>;
}

/** The whole run as stored in agreement_runs.output. */
export interface AgreementRunOutput {
  engine: number;
  settings: AgreementSettings;
  /** Units = the transcript's turns. */
  nUnits: number;
  /** Coders compared: the exercise's coders who have looked at (reviewed or coded) at least one turn, by id. */
  coders: string[];
  /** The exercise's coders left out because they have not looked at any turn yet. */
  idleCoders: string[];
  /** The key coder, when the exercise has one and it is among `coders`. */
  keyCoderId: string | null;
  /** variable → CONTRACTS §6 output over all `coders` (with bootstrap CI). Empty with fewer than two coders. */
  variables: Record<string, AgreementResult>;
  variableInfo: Record<string, VariableInfo>;
  /** Unitizing α over character spans (per `<dimension>.<polarity>` category); null without shared text. */
  unitizing: (UnitizingResult & { continuumLength: number; nTurns: number }) | null;
  pairs: PairAgreement[];
  /**
   * Each coder against the key. Stored as references: the numbers are those of the pair {coder, key} in
   * `pairs` (always detail "full"); agreementView puts them in. Storing them twice would double the
   * output of a cohort run.
   */
  vsKey: Array<{ coder: string; key: string }>;
  /** Run-level notes: codes dropped (stray, orphaned, malformed), idle coders, a variable left out. */
  warnings: string[];
}

export interface StoredRun {
  id: string;
  exerciseId: string;
  fingerprint: string;
  trigger: string;
  computedAt: Date;
  durationMs: number;
  output: AgreementRunOutput;
}

export interface NewRunRow {
  variable: string;
  coderA: string | null;
  coderB: string | null;
  statistic: string;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Pairable units the statistic rests on (units with values from ≥ 2 of the coders compared). */
  nUnits: number;
  nCoders: number;
  prevalence: Record<string, number> | null;
  warnings: string[] | null;
}

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
 * Embedded PGlite executes every statement on the server's own thread, so rows go in small slices with
 * a yield between them: many short pauses of the event loop instead of one long one.
 */
const ROWS_PER_INSERT = 50;

/**
 * Stores a run and its flattened rows in one transaction. `outputJson` is the serialized
 * AgreementRunOutput: it goes to the database as text and is never parsed on this thread. Returns null
 * when a run with this fingerprint already exists (another node, or a race with ourselves): identical
 * inputs give identical output, so nothing is lost.
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
    rows: readonly NewRunRow[];
  },
  options: { yieldBetweenInserts?: () => Promise<void> } = {},
): Promise<string | null> {
  const id = newId();
  return db.transaction(async (tx) => {
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
    for (let i = 0; i < run.rows.length; i += ROWS_PER_INSERT) {
      await options.yieldBetweenInserts?.();
      await tx.insert(agreementResults).values(run.rows.slice(i, i + ROWS_PER_INSERT).map((row) => ({ runId: id, ...row })));
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
  return { ...row, output: row.output as AgreementRunOutput };
}

export async function agreementRunRows(db: Db, runId: string): Promise<Array<typeof agreementResults.$inferSelect>> {
  return db.select().from(agreementResults).where(eq(agreementResults.runId, runId)).orderBy(agreementResults.id);
}

/**
 * Exercises (coding or revealed) whose layers changed after their latest run, or that have layer data
 * and no run at all: the scheduler computes them at start, covering changes made while no scheduler
 * ran (a shutdown drops debounced runs that had not started yet) and runs that failed.
 */
export async function exercisesNeedingRun(db: Db): Promise<string[]> {
  const rooms = sql`'layer:' || ${exercises.id} || ':%'`;
  const lastChange = sql`greatest(
    (select max(${yjsUpdates.createdAt}) from ${yjsUpdates} where ${yjsUpdates.room} like ${rooms}),
    (select max(${yjsSnapshots.updatedAt}) from ${yjsSnapshots} where ${yjsSnapshots.room} like ${rooms}))`;
  const lastRun = sql`(select max(${agreementRuns.computedAt}) from ${agreementRuns} where ${agreementRuns.exerciseId} = ${exercises.id})`;
  const rows = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(and(inArray(exercises.state, ["coding", "revealed"]), sql`${lastChange} > coalesce(${lastRun}, '-infinity'::timestamptz)`));
  return rows.map((r) => r.id);
}

/** GET /api/exercises/:id/agreement's body (documented in the route file). */
export interface AgreementView {
  runId: string;
  computedAt: string;
  trigger: string;
  durationMs: number;
  /** The exercise's coders with display names; ids are what `pairs`, `vsKey` and `comparedCoders` use. */
  coders: Array<{ id: string; name: string }>;
  keyCoderId: string | null;
  nUnits: number;
  comparedCoders: string[];
  idleCoders: string[];
  settings: AgreementSettings;
  variables: Record<string, AgreementResult>;
  variableInfo: Record<string, VariableInfo>;
  unitizing: AgreementRunOutput["unitizing"];
  pairs: PairAgreement[];
  vsKey: KeyAgreement[];
  warnings: string[];
}

export function agreementView(run: StoredRun, coders: ReadonlyArray<{ id: string; name: string }>): AgreementView {
  const o = run.output;
  return {
    runId: run.id,
    computedAt: run.computedAt.toISOString(),
    trigger: run.trigger,
    durationMs: run.durationMs,
    coders: coders.map((c) => ({ id: c.id, name: c.name })),
    keyCoderId: o.keyCoderId,
    nUnits: o.nUnits,
    comparedCoders: o.coders,
    idleCoders: o.idleCoders,
    settings: o.settings,
    variables: o.variables,
    variableInfo: o.variableInfo,
    unitizing: o.unitizing,
    pairs: o.pairs,
    vsKey: o.vsKey.flatMap(({ coder, key }) => {
      const pair = o.pairs.find((p) => (p.coderA === coder && p.coderB === key) || (p.coderA === key && p.coderB === coder));
      return pair?.detail === "full" ? [{ coder, key, variables: pair.variables }] : [];
    }),
    warnings: o.warnings,
  };
}
