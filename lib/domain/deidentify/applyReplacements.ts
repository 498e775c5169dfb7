import type { IdentifierCandidate } from "./types";

/** An accepted candidate; `proposal` may have been edited by the reviewer. `text`, when given, must still match. */
export type Replacement = Pick<IdentifierCandidate, "turnIndex" | "start" | "end" | "proposal"> & { text?: string };

/**
 * New turns with the accepted replacements applied and nothing else changed. Within a turn, replacements
 * apply right to left so earlier offsets stay valid. Overlapping accepted spans merge into one covering
 * span with the earlier span's pseudonym, so no part of an accepted identifier survives. A replacement
 * that points outside its turn, or at text that is no longer there, throws: the candidates are stale.
 */
export function applyReplacements<T extends { text: string }>(turns: readonly T[], accepted: readonly Replacement[]): T[] {
  const byTurn = new Map<number, Replacement[]>();
  for (const replacement of accepted) {
    const turn = turns[replacement.turnIndex];
    if (!turn || !Number.isInteger(replacement.start) || !Number.isInteger(replacement.end) || replacement.start < 0 || replacement.end > turn.text.length || replacement.end <= replacement.start) {
      throw new RangeError(`Replacement ${replacement.turnIndex}:${replacement.start}-${replacement.end} does not fit its turn.`);
    }
    if (replacement.text !== undefined && turn.text.slice(replacement.start, replacement.end) !== replacement.text) {
      throw new RangeError(`Replacement ${replacement.turnIndex}:${replacement.start}-${replacement.end} no longer matches the turn's text.`);
    }
    const list = byTurn.get(replacement.turnIndex) ?? [];
    list.push(replacement);
    byTurn.set(replacement.turnIndex, list);
  }
  return turns.map((turn, index) => {
    const list = byTurn.get(index);
    if (!list) return { ...turn };
    const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: { start: number; end: number; proposal: string }[] = [];
    for (const r of sorted) {
      const last = merged[merged.length - 1];
      if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
      else merged.push({ start: r.start, end: r.end, proposal: r.proposal });
    }
    let text = turn.text;
    for (let k = merged.length - 1; k >= 0; k--) {
      const span = merged[k];
      if (span) text = text.slice(0, span.start) + span.proposal + text.slice(span.end);
    }
    return { ...turn, text };
  });
}
