import { DIMENSIONS, type Dimension, type Polarity } from "@/lib/domain/codebook";
import type { StoredCode } from "@/lib/domain/layerDoc";
import type { ConsensusCode, DecisionKind } from "./consensusDoc";

/**
 * Two coders' codes on one turn, compared per dimension (the unit is the turn, as in agreement):
 *   agree     — both gave the dimension the same pole(s);
 *   only_a    — only A coded the dimension; only_b likewise;
 *   opposite  — both coded it, with different poles.
 */
export type Verdict = "agree" | "only_a" | "only_b" | "opposite";

export interface DimensionRow {
  dimension: Dimension;
  a: StoredCode[];
  b: StoredCode[];
  verdict: Verdict;
}

export interface TurnComparison {
  turnId: string;
  rows: DimensionRow[];
  /** At least one row is not "agree". */
  disagreement: boolean;
}

function poles(codes: readonly StoredCode[]): string {
  return [...new Set(codes.map((c) => c.polarity))].sort().join("+");
}

export function compareTurn(turnId: string, a: readonly StoredCode[], b: readonly StoredCode[]): TurnComparison {
  const rows: DimensionRow[] = [];
  for (const dimension of DIMENSIONS) {
    const da = a.filter((c) => c.dimension === dimension);
    const db = b.filter((c) => c.dimension === dimension);
    if (da.length === 0 && db.length === 0) continue;
    const verdict: Verdict = db.length === 0 ? "only_a" : da.length === 0 ? "only_b" : poles(da) === poles(db) ? "agree" : "opposite";
    rows.push({ dimension, a: da, b: db, verdict });
  }
  return { turnId, rows, disagreement: rows.some((r) => r.verdict !== "agree") };
}

function labelsOf(codes: readonly StoredCode[]): ConsensusCode[] {
  const seen = new Map<string, ConsensusCode>();
  for (const c of codes) {
    const key = `${c.dimension}:${c.polarity}`;
    if (seen.has(key)) continue;
    const code: ConsensusCode = { dimension: c.dimension, polarity: c.polarity, quote: c.quote };
    if (c.process) code.process = c.process;
    seen.set(key, code);
  }
  return [...seen.values()];
}

/** The codes a decision settles on for the turn (edit: the caller's own choice). */
export function codesFor(kind: Exclude<DecisionKind, "edit">, comparison: TurnComparison): ConsensusCode[] {
  const a = comparison.rows.flatMap((r) => r.a);
  const b = comparison.rows.flatMap((r) => r.b);
  switch (kind) {
    case "accept_a":
      return labelsOf(a);
    case "accept_b":
      return labelsOf(b);
    case "both":
      return labelsOf([...a, ...b]);
    case "neither":
      // Only what both coders agreed on survives.
      return labelsOf(comparison.rows.filter((r) => r.verdict === "agree").flatMap((r) => r.a));
  }
}

export function labelKey(dimension: Dimension, polarity: Polarity): string {
  return `${dimension}:${polarity}`;
}
