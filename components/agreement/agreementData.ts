import type { Dimension } from "@/lib/domain/codebook";

/**
 * GET /api/exercises/:id/agreement as the agreement views read it: the one schema in
 * lib/agreement/runSchema.ts. Views validate what arrives too: a view that draws whatever arrives would
 * show a wrong number rather than an error, and numbers here are read as evidence.
 */
export { agreementViewSchema as agreementDataSchema } from "@/lib/agreement/runSchema";
export type { AgreementView as AgreementData, StatisticsData as AgreementResultData, VariableInfo as VariableInfoData } from "@/lib/agreement/runSchema";

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
