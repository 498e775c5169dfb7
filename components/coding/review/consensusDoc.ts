import type * as Y from "yjs";
import { z } from "zod";
import { DIMENSIONS, POLARITIES } from "@/lib/domain/codebook";

/**
 * The consensus room's document (ARCHITECTURE "Rooms"): Y.Map "decisions" turnId → one adjudicated
 * decision for that turn, with the codes it settles on and a required one-line rationale. Consensus codes
 * are kept apart from the coders' layers and are never reliability data.
 */
export const DECISIONS_FIELD = "decisions";

export const DECISION_KINDS = ["accept_a", "accept_b", "both", "neither", "edit"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const consensusCodeSchema = z.object({
  dimension: z.enum(DIMENSIONS),
  polarity: z.enum(POLARITIES),
  process: z.string().max(120).optional(),
  quote: z.string().max(5000).optional(),
});
export type ConsensusCode = z.infer<typeof consensusCodeSchema>;

export const decisionSchema = z.object({
  decision: z.enum(DECISION_KINDS),
  codes: z.array(consensusCodeSchema).max(60),
  rationale: z.string().trim().min(1).max(500),
  by: z.string().min(1).max(64),
  at: z.number().finite(),
  /** The two coders compared (A, B) when the decision was made. */
  coders: z.array(z.string().min(1).max(64)).max(2).optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

export function decisionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DECISIONS_FIELD);
}

export function readDecisions(doc: Y.Doc): Map<string, Decision> {
  const out = new Map<string, Decision>();
  decisionsMap(doc).forEach((value, turnId) => {
    const parsed = decisionSchema.safeParse(value);
    if (parsed.success) out.set(turnId, parsed.data);
  });
  return out;
}

export function putDecision(doc: Y.Doc, turnId: string, decision: Decision): void {
  decisionsMap(doc).set(turnId, decisionSchema.parse(decision));
}

export function clearDecision(doc: Y.Doc, turnId: string): void {
  decisionsMap(doc).delete(turnId);
}
