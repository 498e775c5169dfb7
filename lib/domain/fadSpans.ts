import type * as Y from "yjs";
import type { Span, UnitizingInput } from "../agreement";
import { anchorContext, resolveAnchor, turnOffsets } from "./anchoring";
import type { Dimension, Polarity } from "./codebook";
import { fadCode, type FadCode } from "./fadDistance";

/**
 * The span view of FAD codes for Krippendorff's unitizing α (CONTRACTS §6 `unitizing` input): each code
 * is the character span it highlights, placed on one continuum, in the category `<dimension>.<polarity>`.
 *
 * - The continuum is the texts of the turns **every** coder has looked at (reviewed or coded, as in
 *   ./fadUnits), laid end to end in transcript order. u-α has no notion of a missing value, so a turn one
 *   coder has not reached yet would count all the others' spans there as that coder's misses; leaving
 *   such turns out is the span view's version of "missing".
 * - Offsets are UTF-16 code units (the unit of Y.Text and ProseMirror), so positions are whole numbers.
 * - A coder's overlapping spans of one category are merged (their union): u-α assumes a coder's units of
 *   one category never overlap, and two overlapping highlights of the same code mean "this stretch has
 *   it". Spans that merely touch stay separate units.
 * - Codes whose anchor no longer resolves (orphaned: their text was deleted or moved) are left out and
 *   counted, as are empty spans.
 */

/** One code after its anchor was resolved against the transcript (offsets within its turn's text). */
export type PlacedCode =
  | { status: "ok"; turnId: string; startOffset: number; endOffset: number; dimension: Dimension; polarity: Polarity }
  | { status: "orphaned"; dimension: Dimension; polarity: Polarity };

export interface SpanLayer {
  coderId: string;
  codes: readonly PlacedCode[];
  reviewed: readonly string[];
}

/** A turn's text length, in transcript order. */
export interface TurnExtent {
  turnId: string;
  length: number;
}

export interface FadSpanData {
  /** The unitizing input, or null when there is no shared text to compare on (no turn looked at by all, or < 2 coders). */
  input: UnitizingInput | null;
  /** Turn ids on the continuum, in order. */
  turnIds: string[];
  /** coder → codes left out because their anchor did not resolve. */
  orphaned: Record<string, number>;
  /** coder → codes left out because their turn is not on the shared continuum. */
  outsideContinuum: Record<string, number>;
}

/** Resolves a layer's codes against the transcript document (one shared lookup for the whole layer). */
export function placeCodes(
  txDoc: Y.Doc,
  codes: ReadonlyArray<{ turnId: string; start: string; end: string; dimension: Dimension; polarity: Polarity }>,
): PlacedCode[] {
  const context = anchorContext(txDoc);
  return codes.map((code) => {
    const resolved = resolveAnchor(txDoc, code, context);
    return resolved.status === "ok"
      ? { status: "ok", turnId: resolved.turnId, startOffset: resolved.startOffset, endOffset: resolved.endOffset, dimension: code.dimension, polarity: code.polarity }
      : { status: "orphaned", dimension: code.dimension, polarity: code.polarity };
  });
}

/** Turn lengths of the transcript document, in order. */
export function turnExtents(txDoc: Y.Doc): TurnExtent[] {
  return turnOffsets(txDoc).map((t) => ({ turnId: t.turnId, length: t.length }));
}

/** Merges overlapping [begin, end) intervals of one coder × category; touching ones stay apart. */
function mergeOverlaps(intervals: Array<[number, number]>): Array<[number, number]> {
  intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const [b, e] of intervals) {
    const last = out[out.length - 1];
    if (last && b < last[1]) last[1] = Math.max(last[1], e);
    else out.push([b, e]);
  }
  return out;
}

export function buildFadSpans(turns: readonly TurnExtent[], layers: readonly SpanLayer[]): FadSpanData {
  const orphaned: Record<string, number> = {};
  const outsideContinuum: Record<string, number> = {};
  const lookedBy = layers.map((layer) => {
    const looked = new Set(layer.reviewed);
    for (const code of layer.codes) if (code.status === "ok") looked.add(code.turnId);
    return looked;
  });
  // Place shared turns end to end.
  const start = new Map<string, { at: number; length: number }>();
  const turnIds: string[] = [];
  let length = 0;
  for (const turn of turns) {
    if (turn.length <= 0 || !lookedBy.every((looked) => looked.has(turn.turnId))) continue;
    start.set(turn.turnId, { at: length, length: turn.length });
    turnIds.push(turn.turnId);
    length += turn.length;
  }

  const data: Record<string, Span[]> = {};
  for (const layer of layers) {
    let lost = 0;
    let outside = 0;
    const byCategory = new Map<FadCode, Array<[number, number]>>();
    for (const code of layer.codes) {
      if (code.status !== "ok") {
        lost++;
        continue;
      }
      const place = start.get(code.turnId);
      if (!place) {
        outside++;
        continue;
      }
      const b = Math.max(0, Math.min(code.startOffset, place.length));
      const e = Math.max(0, Math.min(code.endOffset, place.length));
      if (e <= b) {
        lost++;
        continue;
      }
      const category = fadCode(code.dimension, code.polarity);
      const list = byCategory.get(category) ?? [];
      list.push([place.at + b, place.at + e]);
      byCategory.set(category, list);
    }
    const spans: Span[] = [];
    for (const [category, intervals] of byCategory) {
      for (const [b, e] of mergeOverlaps(intervals)) spans.push([b, e - b, category]);
    }
    spans.sort((x, y) => x[0] - y[0] || x[1] - y[1] || String(x[2]).localeCompare(String(y[2])));
    data[layer.coderId] = spans;
    orphaned[layer.coderId] = lost;
    outsideContinuum[layer.coderId] = outside;
  }

  const input: UnitizingInput | null = layers.length >= 2 && length > 0 ? { unitizing: { begin: 0, length, data } } : null;
  return { input, turnIds, orphaned, outsideContinuum };
}
