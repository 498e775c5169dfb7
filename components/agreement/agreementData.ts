import { z } from "zod";
import type { Dimension } from "@/lib/domain/codebook";

/**
 * GET /api/exercises/:id/agreement as the agreement views read it (the route file documents the
 * body). Validated in the browser too: a view that draws whatever arrives would show a wrong number
 * rather than an error, and numbers here are read as evidence.
 */
const stat = z.number().nullable().optional();

export const agreementResultSchema = z.object({
  n_units: z.number(),
  n_coders: z.number(),
  n_pairable_units: z.number(),
  po: stat,
  cohen_kappa: stat,
  scott_pi: stat,
  fleiss_kappa: stat,
  krippendorff_alpha: stat,
  gwet_ac1: stat,
  brennan_prediger: stat,
  pabak: stat,
  ci: z.record(z.string(), z.tuple([z.number(), z.number()])).optional(),
  // Pair summaries of a large cohort carry no warnings.
  warnings: z.array(z.string()).optional(),
});

export type AgreementResultData = z.infer<typeof agreementResultSchema>;

const variableInfoSchema = z.object({
  kind: z.enum(["presence", "dimension", "pooled"]),
  categories: z.array(z.union([z.string(), z.number()])),
  prevalence: z.record(z.string(), z.number()),
});

export type VariableInfoData = z.infer<typeof variableInfoSchema>;

const variablesSchema = z.record(z.string(), agreementResultSchema);

export const agreementDataSchema = z.object({
  runId: z.string(),
  computedAt: z.string(),
  trigger: z.string(),
  coders: z.array(z.object({ id: z.string(), name: z.string() })),
  keyCoderId: z.string().nullable(),
  nUnits: z.number(),
  comparedCoders: z.array(z.string()),
  idleCoders: z.array(z.string()),
  variables: variablesSchema,
  variableInfo: z.record(z.string(), variableInfoSchema),
  unitizing: z
    .object({
      n_coders: z.number(),
      n_spans: z.number(),
      krippendorff_unitizing_alpha: z.number().nullable().optional(),
      warnings: z.array(z.string()),
    })
    .nullable(),
  pairs: z.array(z.object({ coderA: z.string(), coderB: z.string(), detail: z.enum(["full", "summary"]), variables: variablesSchema })),
  vsKey: z.array(z.object({ coder: z.string(), key: z.string(), variables: variablesSchema })),
  warnings: z.array(z.string()),
});

export type AgreementData = z.infer<typeof agreementDataSchema>;

/** One turn of the transcript, as the timeline needs it (no text: the axis shows turn numbers). */
export interface TimelineTurn {
  id: string;
  index: number;
  speaker: string;
  role: "therapist" | "client" | "other";
  start: number | null;
}

/**
 * A coder's code sets per turn as 12-bit masks (lib/domain/fadDistance: bit 2d = dimension d flexible,
 * 2d + 1 inflexible), −1 where the coder has not looked at the turn — the unit data the stored run was
 * computed from (lib/domain/fadUnits), built by the page only for layers the viewer may see.
 */
export interface CoderMasks {
  id: string;
  name: string;
  masks: number[];
}

export interface UnitData {
  turns: TimelineTurn[];
  coders: CoderMasks[];
}

export interface DimensionStyle {
  dimension: Dimension;
  label: string;
  abbreviation: string;
  colour: string;
}

/** Replaces coder ids in the engine's warnings ("Coder 7f3a…: 2 codes …") with names. */
export function withCoderNames(text: string, coders: ReadonlyArray<{ id: string; name: string }>): string {
  let out = text;
  for (const c of coders) if (c.id) out = out.split(c.id).join(c.name);
  return out;
}
