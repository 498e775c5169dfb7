import { z } from "zod";
import type { ScalarStatistic } from "./types";

/**
 * The one definition of an agreement result as Coflex stores, serves and draws it (issue 8, item 5):
 * the stored run (agreement_runs.output), the body of GET /api/exercises/:id/agreement (CONTRACTS §4)
 * and the live summary pushed to watchers. The producer (server/jobs), the route, the exports and the
 * pages all validate or type against these schemas; nothing else describes the shape.
 */

/**
 * Bumped when the engine's output for the same layers changes, so old fingerprints stop matching and
 * start-up recomputes exercises whose latest run is older (exercisesNeedingRun).
 * 2: runs keep each coder's code set per unit (unitMasks). 3: units are client turns by default
 * (lib/domain/agreementUnits), with the unit definition in the output.
 */
export const AGREEMENT_ENGINE_VERSION = 3;

export const VARIABLE_KINDS = ["presence", "dimension", "pooled"] as const;
export const variableKindSchema = z.enum(VARIABLE_KINDS);
export type VariableKind = z.infer<typeof variableKindSchema>;

const statistic = z.number().optional();
const interval = z.tuple([z.number(), z.number()]);
/** CONTRACTS §6 scalar statistics (as computeAgreement's SCALAR_STATISTICS; listed here so views need not load the engine). */
const scalarStatistic = z.enum([
  "po",
  "cohen_kappa",
  "cohen_kappa_linear",
  "cohen_kappa_quadratic",
  "cohen_kappa_weighted",
  "scott_pi",
  "fleiss_kappa",
  "krippendorff_alpha",
  "gwet_ac1",
  "brennan_prediger",
  "pabak",
] as const satisfies readonly ScalarStatistic[]);

/** CONTRACTS §6 output for coded units (lib/agreement AgreementResult); a key is absent where undefined. */
export const agreementResultSchema = z.object({
  n_units: z.number(),
  n_coders: z.number(),
  n_pairable_units: z.number(),
  po: statistic,
  cohen_kappa: statistic,
  cohen_kappa_linear: statistic,
  cohen_kappa_quadratic: statistic,
  cohen_kappa_weighted: statistic,
  scott_pi: statistic,
  fleiss_kappa: statistic,
  fleiss_kappa_by_category: z.record(z.string(), z.number().nullable()).optional(),
  krippendorff_alpha: statistic,
  gwet_ac1: statistic,
  brennan_prediger: statistic,
  pabak: statistic,
  ci: z.partialRecord(scalarStatistic, interval).optional(),
  warnings: z.array(z.string()),
});
export type AgreementResultData = z.infer<typeof agreementResultSchema>;

/** The statistics a pair summary keeps (besides n). */
export const PAIR_SUMMARY_STATISTICS = ["po", "cohen_kappa", "krippendorff_alpha", "gwet_ac1"] as const;

export const pairSummarySchema = agreementResultSchema.pick({
  n_units: true,
  n_coders: true,
  n_pairable_units: true,
  po: true,
  cohen_kappa: true,
  krippendorff_alpha: true,
  gwet_ac1: true,
});
export type PairSummary = z.infer<typeof pairSummarySchema>;

/** What a view reads of any result, full or summary: the numbers, and warnings where there are some. */
export type StatisticsData = Omit<AgreementResultData, "warnings"> & { warnings?: string[] };

export const agreementSettingsSchema = z.object({
  /** Percentile bootstrap (replicates, seed) for every all-coder variable. */
  bootstrap: z.object({ replicates: z.number().int(), seed: z.number().int() }),
  /** Up to this many active coders, every pair gets CIs on every variable too (see DEFAULT_AGREEMENT_SETTINGS). */
  pairCiMaxCoders: z.number().int(),
  /** Pairs with the key coder always get CIs on these variable kinds. */
  keyCiKinds: z.array(variableKindSchema),
  /** Up to this many active coders every pair gets the full output; above it pairs without the key get a summary. */
  pairDetailMaxCoders: z.number().int(),
});
export type AgreementSettings = z.infer<typeof agreementSettingsSchema>;

export const variableInfoSchema = z.object({
  kind: variableKindSchema,
  /** Declared categories in order (presence 0/1; dimension none/flexible/inflexible/both; pooled code-set labels). */
  categories: z.array(z.union([z.string(), z.number()])),
  /** category → share of all non-missing values (all coders, all units). */
  prevalence: z.record(z.string(), z.number()),
});
export type VariableInfo = z.infer<typeof variableInfoSchema>;

export const unitizingSummarySchema = z.object({
  n_coders: z.number(),
  n_spans: z.number(),
  krippendorff_unitizing_alpha: z.number().optional(),
  krippendorff_unitizing_alpha_by_category: z.record(z.string(), z.number().nullable()),
  warnings: z.array(z.string()),
  continuumLength: z.number(),
  nTurns: z.number(),
});
export type UnitizingSummary = z.infer<typeof unitizingSummarySchema>;

export const pairAgreementSchema = z.discriminatedUnion("detail", [
  z.object({
    coderA: z.string(),
    coderB: z.string(),
    detail: z.literal("full"),
    /** variable → CONTRACTS §6 output for these two coders. */
    variables: z.record(z.string(), agreementResultSchema),
  }),
  z.object({
    coderA: z.string(),
    coderB: z.string(),
    /** Large cohorts (see pairDetailMaxCoders): the dimension and pooled variables, a few statistics each. */
    detail: z.literal("summary"),
    variables: z.record(z.string(), pairSummarySchema),
  }),
]);
export type PairAgreement = z.infer<typeof pairAgreementSchema>;

export const keyAgreementSchema = z.object({ coder: z.string(), key: z.string(), variables: z.record(z.string(), agreementResultSchema) });
export type KeyAgreement = z.infer<typeof keyAgreementSchema>;

/**
 * The units themselves, compactly: the unit turn ids in transcript order and, per compared coder, their
 * code set on each unit as a 12-bit mask (lib/domain/fadDistance; −1 = not looked at). Views over a whole
 * class (group review, a trainee against the key) read per-turn distributions from here instead of
 * replaying every layer's log. Runs stored before engine 2 lack it (lib/db/queries/agreement unitMasksOf).
 */
export const unitMasksSchema = z.object({ units: z.array(z.string()), masks: z.record(z.string(), z.array(z.number().int().min(-1).max(4095))) });
export type UnitMasks = z.infer<typeof unitMasksSchema>;

/** Which turns are units (an exercise setting). Runs stored before the setting existed lack it. */
export const unitScopeSchema = z.enum(["client_turns", "all_turns"]);

/** The whole run as stored in agreement_runs.output. */
export const agreementRunOutputSchema = z.object({
  engine: z.number(),
  settings: agreementSettingsSchema,
  /** Units = the exercise's unit turns. */
  nUnits: z.number(),
  unitScope: unitScopeSchema.optional(),
  /** One sentence for people: what a unit is here, and how many there are. */
  unitDefinition: z.string().optional(),
  /** Coders compared: the exercise's coders who have looked at (reviewed or coded) at least one turn, by id. */
  coders: z.array(z.string()),
  /** The exercise's coders left out because they have not looked at any turn yet. */
  idleCoders: z.array(z.string()),
  /** The key coder, when the exercise has one and it is among `coders`. */
  keyCoderId: z.string().nullable(),
  /** variable → CONTRACTS §6 output over all `coders` (with bootstrap CI). Empty with fewer than two coders. */
  variables: z.record(z.string(), agreementResultSchema),
  variableInfo: z.record(z.string(), variableInfoSchema),
  /** Unitizing α over character spans (per `<dimension>.<polarity>` category); null without shared text. */
  unitizing: unitizingSummarySchema.nullable(),
  pairs: z.array(pairAgreementSchema),
  /**
   * Each coder against the key, as references: the numbers are those of the pair {coder, key} in `pairs`
   * (always detail "full"); agreementView puts them in. Storing them twice would double a cohort run.
   */
  vsKey: z.array(z.object({ coder: z.string(), key: z.string() })),
  /** Run-level notes: codes dropped (stray, orphaned, malformed), idle coders, a variable left out. */
  warnings: z.array(z.string()),
  /** Each compared coder's code set per unit (engine ≥ 2; see unitMasksSchema). */
  unitMasks: unitMasksSchema.optional(),
});
export type AgreementRunOutput = z.infer<typeof agreementRunOutputSchema>;

export const unreviewedAtSubmitSchema = z.object({ choice: z.enum(["reviewed", "missing"]), count: z.number().int() });
export type UnreviewedAtSubmit = z.infer<typeof unreviewedAtSubmitSchema>;

/**
 * GET /api/exercises/:id/agreement's body (CONTRACTS §4) and the pushed summary. `source` says where the
 * numbers come from: "live" = point estimates from the in-memory tables, current within a second, with
 * CIs and pair detail from the latest stored run (`detailRunId`); "run" = a stored run as is.
 */
export const agreementViewSchema = z.object({
  runId: z.string(),
  /** Agreement "as of": when its inputs were read. */
  computedAt: z.string(),
  trigger: z.string(),
  durationMs: z.number(),
  source: z.enum(["live", "run"]).optional(),
  /**
   * The exercise's coders with display names; ids are what `pairs`, `vsKey` and `comparedCoders` use.
   * `unreviewed`: at submit, the units the coder had not looked at and what they chose for them (marked
   * reviewed with no code = absent, or left missing); absent when nothing was left or asked.
   */
  coders: z.array(z.object({ id: z.string(), name: z.string(), unreviewed: unreviewedAtSubmitSchema.optional() })),
  keyCoderId: z.string().nullable(),
  nUnits: z.number(),
  unitDefinition: z.string(),
  comparedCoders: z.array(z.string()),
  idleCoders: z.array(z.string()),
  settings: agreementSettingsSchema,
  variables: z.record(z.string(), agreementResultSchema),
  variableInfo: z.record(z.string(), variableInfoSchema),
  unitizing: unitizingSummarySchema.nullable(),
  pairs: z.array(pairAgreementSchema),
  vsKey: z.array(keyAgreementSchema),
  warnings: z.array(z.string()),
});
export type AgreementView = z.infer<typeof agreementViewSchema>;

/**
 * One flattened result row of a run (agreement_results minus its run id): a variable × coder pair (or all
 * coders, both null) × statistic. The worker produces them, the database stores them, the agreement-csv
 * export reads them back.
 */
export interface AgreementResultRow {
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

/** A stored run as read back (agreement_runs row with its output). */
export interface StoredRun {
  id: string;
  exerciseId: string;
  fingerprint: string;
  trigger: string;
  computedAt: Date;
  durationMs: number;
  output: AgreementRunOutput;
}

/**
 * From this many compared coders on, the agreement page shows the class view (components/agreement/
 * cohortModel) instead of every pair, and pushed summaries leave the pairs out (lib/collab/watchMessages).
 */
export const COHORT_VIEW_MIN_CODERS = 13;

/** The unit definition a view shows when a run predates the setting. */
export const ALL_TURNS_DEFINITION = "Units are all the transcript's turns (computed before units were limited to client turns).";

type ViewCoderInput = ReadonlyArray<{ id: string; name: string; unreviewed?: UnreviewedAtSubmit | null }>;

/** The view's `coders`: names as the caller may show them (lib/auth/exerciseAccess), submit choices where made. */
export function viewCoders(coders: ViewCoderInput): AgreementView["coders"] {
  return coders.map((c) => ({ id: c.id, name: c.name, ...(c.unreviewed ? { unreviewed: c.unreviewed } : {}) }));
}

export function agreementView(run: StoredRun, coders: ViewCoderInput): AgreementView {
  const o = run.output;
  return {
    runId: run.id,
    computedAt: run.computedAt.toISOString(),
    trigger: run.trigger,
    durationMs: run.durationMs,
    source: "run",
    coders: viewCoders(coders),
    keyCoderId: o.keyCoderId,
    nUnits: o.nUnits,
    unitDefinition: o.unitDefinition ?? ALL_TURNS_DEFINITION,
    comparedCoders: o.coders,
    idleCoders: o.idleCoders,
    settings: o.settings,
    variables: o.variables,
    variableInfo: o.variableInfo,
    unitizing: o.unitizing,
    pairs: o.pairs,
    vsKey: keyRows(o),
    warnings: o.warnings,
  };
}

/** vsKey references resolved to the numbers of the pair {coder, key}. */
export function keyRows(o: Pick<AgreementRunOutput, "vsKey" | "pairs">): KeyAgreement[] {
  return o.vsKey.flatMap(({ coder, key }) => {
    const pair = o.pairs.find((p) => (p.coderA === coder && p.coderB === key) || (p.coderA === key && p.coderB === coder));
    return pair?.detail === "full" ? [{ coder, key, variables: pair.variables }] : [];
  });
}
