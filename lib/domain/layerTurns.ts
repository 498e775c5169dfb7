import type { Dimension, Polarity } from "./codebook";
import { turnMask } from "./fadUnits";
import { codeSchema } from "./layerDoc";

/**
 * One coder's layer indexed by turn, so a change to a few entries says which turns it touched and what
 * the coder's code set there is now — without re-reading the whole layer. Entries are validated as
 * readLayer validates them (./layerDoc codeSchema); an invalid one counts as absent.
 *
 * Fed from the layer document's Y.Map events on the server (server/collab/liveAgreement) and from a
 * plain model in the property test.
 */

interface Placed {
  turnId: string;
  dimension: Dimension;
  polarity: Polarity;
}

export class LayerTurns {
  private readonly codes = new Map<string, Placed>();
  private readonly byTurn = new Map<string, Map<string, Placed>>();
  private readonly reviewed = new Set<string>();
  private readonly invalidIds = new Set<string>();

  /** Entries that failed validation (readLayer's `invalid`). */
  get invalid(): number {
    return this.invalidIds.size;
  }

  /** Code `id` is now `raw` (undefined = deleted). Returns the turns whose code set may have changed. */
  setCode(id: string, raw: unknown): string[] {
    const touched: string[] = [];
    const before = this.codes.get(id);
    if (before) {
      touched.push(before.turnId);
      this.codes.delete(id);
      const onTurn = this.byTurn.get(before.turnId)!;
      onTurn.delete(id);
      if (onTurn.size === 0) this.byTurn.delete(before.turnId);
    }
    this.invalidIds.delete(id);
    if (raw === undefined) return touched;
    const parsed = codeSchema.safeParse(raw);
    if (!parsed.success) {
      this.invalidIds.add(id);
      return touched;
    }
    const placed: Placed = { turnId: parsed.data.turnId, dimension: parsed.data.dimension, polarity: parsed.data.polarity };
    this.codes.set(id, placed);
    let onTurn = this.byTurn.get(placed.turnId);
    if (!onTurn) {
      onTurn = new Map();
      this.byTurn.set(placed.turnId, onTurn);
    }
    onTurn.set(id, placed);
    if (placed.turnId !== before?.turnId) touched.push(placed.turnId);
    return touched;
  }

  /** The reviewed map's entry for `turnId` is now `raw` (only `true` counts, as in readLayer). */
  setReviewed(turnId: string, raw: unknown): string[] {
    const on = raw === true;
    if (on === this.reviewed.has(turnId)) return [];
    if (on) this.reviewed.add(turnId);
    else this.reviewed.delete(turnId);
    return [turnId];
  }

  /** The coder's value on the turn, by ./fadUnits' rule (MISSING_MASK when neither reviewed nor coded). */
  mask(turnId: string): number {
    return turnMask(this.reviewed.has(turnId), this.byTurn.get(turnId)?.values() ?? []);
  }

  /** Every turn this layer says anything about (for loading a layer whole). */
  turns(): string[] {
    return [...new Set([...this.reviewed, ...this.byTurn.keys()])];
  }
}
