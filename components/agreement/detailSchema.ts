import { z } from "zod";
import { agreementResultSchema, pairSummarySchema } from "@/lib/agreement/runSchema";

/**
 * GET /api/exercises/:id/agreement/detail — per-coder and per-pair detail for the class view, loaded on
 * demand (issue 8 item 4). `?coder=<id>`: that coder's pairs with every other compared coder (dimension and
 * pooled variables) and their full result against the key. `?a=<id>&b=<id>`: one pair's result and, where
 * the viewer may see both layers, both coders' code sets per unit for the confusion matrix and timeline.
 * `?class=1`: the class view's model (below).
 */

const grid = z.array(z.array(z.number().nullable()));

export const coderDetailSchema = z.object({
  kind: z.literal("coder"),
  coder: z.string(),
  /** One per other compared coder; values as cohortModel's grids (COHORT_VARIABLES × HEADLINE_STATISTIC_IDS). */
  pairs: z.array(z.object({ other: z.string(), values: grid })),
  vsKey: z.record(z.string(), agreementResultSchema).nullable(),
});
export type CoderDetail = z.infer<typeof coderDetailSchema>;

const unitTurn = z.object({ id: z.string(), index: z.number(), speaker: z.string(), role: z.enum(["therapist", "client", "other"]), start: z.number().nullable() });

export const pairDetailSchema = z.object({
  kind: z.literal("pair"),
  a: z.string(),
  b: z.string(),
  variables: z.record(z.string(), z.union([agreementResultSchema, pairSummarySchema])),
  unit: z.object({ turns: z.array(unitTurn), coders: z.array(z.object({ id: z.string(), name: z.string(), masks: z.array(z.number()) })) }).nullable(),
});
export type PairDetail = z.infer<typeof pairDetailSchema>;

/** `?units=all`: every visible coder's code sets per unit — the small-group timeline and confusion after a new run. */
export const unitsDetailSchema = z.object({ kind: z.literal("units"), unit: pairDetailSchema.shape.unit });

/** The class view's model (./cohortModel CohortModel), as the page gets it. */
export const cohortModelSchema = z.object({
  coders: z.array(z.object({ id: z.string(), name: z.string(), vsKey: grid.nullable(), keyUnits: z.number(), withOthers: grid })),
  pairBins: z.array(z.array(z.array(z.number()))),
  pairCount: z.number(),
});

/** `?class=1`: the class view's model from the latest stored run — the class page after a new run (pushes carry no pairs). */
export const classDetailSchema = z.object({ kind: z.literal("class"), cohort: cohortModelSchema.nullable() });
export type ClassDetail = z.infer<typeof classDetailSchema>;

export const detailQuerySchema = z.union([
  z.object({ units: z.literal("all") }).strict(),
  z.object({ class: z.literal("1") }).strict(),
  z.object({ coder: z.string().min(1).max(100) }).strict(),
  z.object({ a: z.string().min(1).max(100), b: z.string().min(1).max(100) }).strict(),
]);
