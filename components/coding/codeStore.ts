import type * as Y from "yjs";
import { DIMENSIONS, POLARITIES, type Dimension, type Polarity } from "@/lib/domain/codebook";
import { type StoredCode, codeSchema, codesMap, reviewedMap } from "@/lib/domain/layerDoc";

/**
 * Every code layer this tab shows, indexed by turn, with the filters of the codes panel. The editor's
 * decoration plugin and the panel both read it; it tells them which turns changed so that neither
 * redraws 5,000 codes when one changes.
 */
export interface LayerSource {
  coderId: string;
  name: string;
  own: boolean;
  doc: Y.Doc;
}

export interface CodeEntry {
  /** coderId/codeId — unique across layers. */
  key: string;
  coderId: string;
  code: StoredCode;
}

export interface CodeFilter {
  dimensions: ReadonlySet<Dimension>;
  polarities: ReadonlySet<Polarity>;
  hiddenCoders: ReadonlySet<string>;
  onlyDisagreements: boolean;
}

export type StoreChange = { kind: "all" } | { kind: "turns"; turnIds: ReadonlySet<string> };

export const ALL_SHOWN: CodeFilter = {
  dimensions: new Set(DIMENSIONS),
  polarities: new Set(POLARITIES),
  hiddenCoders: new Set(),
  onlyDisagreements: false,
};

interface LoadedLayer {
  source: LayerSource;
  codes: Map<string, StoredCode>;
  reviewed: Set<string>;
  detach: () => void;
}

export function entryKey(coderId: string, codeId: string): string {
  return `${coderId}/${codeId}`;
}

function labelOf(code: Pick<StoredCode, "dimension" | "polarity">): string {
  return `${code.dimension}:${code.polarity}`;
}

export class CodeStore {
  private layers = new Map<string, LoadedLayer>();
  private byTurn = new Map<string, Map<string, CodeEntry>>();
  private listeners = new Set<(change: StoreChange) => void>();
  private version = 0;
  private filterValue: CodeFilter = ALL_SHOWN;

  get filter(): CodeFilter {
    return this.filterValue;
  }

  getVersion = (): number => this.version;

  subscribe = (listener: (change: StoreChange) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(change: StoreChange): void {
    if (change.kind === "turns" && change.turnIds.size === 0) return;
    this.version += 1;
    for (const listener of this.listeners) listener(change);
  }

  /** Replaces the set of layers; a layer whose doc is unchanged keeps its observers. */
  setLayers(sources: readonly LayerSource[]): void {
    const wanted = new Map(sources.map((s) => [s.coderId, s]));
    let changed = false;
    for (const [coderId, layer] of this.layers) {
      const next = wanted.get(coderId);
      if (next && next.doc === layer.source.doc) {
        if (next.name !== layer.source.name || next.own !== layer.source.own) {
          layer.source = next;
          changed = true;
        }
        continue;
      }
      this.detachLayer(coderId);
      changed = true;
    }
    for (const source of sources) {
      if (this.layers.has(source.coderId)) continue;
      this.attachLayer(source);
      changed = true;
    }
    if (changed) this.emit({ kind: "all" });
  }

  setFilter(filter: CodeFilter): void {
    this.filterValue = filter;
    this.emit({ kind: "all" });
  }

  destroy(): void {
    for (const coderId of [...this.layers.keys()]) this.detachLayer(coderId);
    this.listeners.clear();
  }

  private attachLayer(source: LayerSource): void {
    const codes = new Map<string, StoredCode>();
    const reviewed = new Set<string>();
    const map = codesMap(source.doc);
    const reviewedYMap = reviewedMap(source.doc);
    map.forEach((value, id) => {
      const parsed = codeSchema.safeParse(value);
      if (parsed.success) codes.set(id, { ...parsed.data, id });
    });
    reviewedYMap.forEach((value, turnId) => {
      if (value === true) reviewed.add(turnId);
    });
    const onCodes = (event: Y.YMapEvent<unknown>) => {
      const dirty = new Set<string>();
      for (const id of event.keysChanged) {
        const before = codes.get(id);
        if (before) {
          dirty.add(before.turnId);
          this.unindex(source.coderId, id, before.turnId);
          codes.delete(id);
        }
        const parsed = codeSchema.safeParse(map.get(id));
        if (parsed.success) {
          const code = { ...parsed.data, id };
          codes.set(id, code);
          this.index(source.coderId, code);
          dirty.add(code.turnId);
        }
      }
      this.emit({ kind: "turns", turnIds: dirty });
    };
    const onReviewed = (event: Y.YMapEvent<unknown>) => {
      const dirty = new Set<string>();
      for (const turnId of event.keysChanged) {
        if (reviewedYMap.get(turnId) === true) reviewed.add(turnId);
        else reviewed.delete(turnId);
        dirty.add(turnId);
      }
      this.emit({ kind: "turns", turnIds: dirty });
    };
    map.observe(onCodes);
    reviewedYMap.observe(onReviewed);
    this.layers.set(source.coderId, {
      source,
      codes,
      reviewed,
      detach: () => {
        map.unobserve(onCodes);
        reviewedYMap.unobserve(onReviewed);
      },
    });
    for (const code of codes.values()) this.index(source.coderId, code);
  }

  private detachLayer(coderId: string): void {
    const layer = this.layers.get(coderId);
    if (!layer) return;
    layer.detach();
    for (const code of layer.codes.values()) this.unindex(coderId, code.id, code.turnId);
    this.layers.delete(coderId);
  }

  private index(coderId: string, code: StoredCode): void {
    let entries = this.byTurn.get(code.turnId);
    if (!entries) this.byTurn.set(code.turnId, (entries = new Map()));
    const key = entryKey(coderId, code.id);
    entries.set(key, { key, coderId, code });
  }

  private unindex(coderId: string, codeId: string, turnId: string): void {
    const entries = this.byTurn.get(turnId);
    if (!entries) return;
    entries.delete(entryKey(coderId, codeId));
    if (entries.size === 0) this.byTurn.delete(turnId);
  }

  // ---- reads ------------------------------------------------------------------------------------------

  layerSources(): LayerSource[] {
    return [...this.layers.values()].map((l) => l.source);
  }

  layerDoc(coderId: string): Y.Doc | null {
    return this.layers.get(coderId)?.source.doc ?? null;
  }

  coderName(coderId: string): string {
    return this.layers.get(coderId)?.source.name ?? "another coder";
  }

  isOwn(coderId: string): boolean {
    return this.layers.get(coderId)?.source.own ?? false;
  }

  /** Layers whose codes are currently shown (not toggled off). */
  shownCoders(): string[] {
    return [...this.layers.keys()].filter((id) => !this.filterValue.hiddenCoders.has(id));
  }

  reviewedBy(coderId: string): ReadonlySet<string> {
    return this.layers.get(coderId)?.reviewed ?? new Set();
  }

  codeCount(coderId: string): number {
    return this.layers.get(coderId)?.codes.size ?? 0;
  }

  totalCodes(): number {
    let n = 0;
    for (const layer of this.layers.values()) n += layer.codes.size;
    return n;
  }

  entry(key: string): CodeEntry | null {
    const slash = key.indexOf("/");
    const coderId = key.slice(0, slash);
    const code = this.layers.get(coderId)?.codes.get(key.slice(slash + 1));
    return code ? { key, coderId, code } : null;
  }

  turnIds(): IterableIterator<string> {
    return this.byTurn.keys();
  }

  entriesForTurn(turnId: string): CodeEntry[] {
    return [...(this.byTurn.get(turnId)?.values() ?? [])];
  }

  /**
   * Codes of a turn that pass the filters. "Only disagreements" keeps a code unless every shown coder
   * gave the turn the same dimension and pole (agreement is per turn, the unit).
   */
  visibleForTurn(turnId: string): CodeEntry[] {
    const f = this.filterValue;
    const shown = this.shownCoders();
    const all = this.entriesForTurn(turnId).filter((e) => this.layers.has(e.coderId) && !f.hiddenCoders.has(e.coderId));
    let agreed: Set<string> | null = null;
    if (f.onlyDisagreements && shown.length >= 2) {
      const perCoder = new Map<string, Set<string>>(shown.map((id) => [id, new Set<string>()]));
      for (const e of all) perCoder.get(e.coderId)?.add(labelOf(e.code));
      agreed = new Set([...(perCoder.values().next().value ?? [])].filter((label) => [...perCoder.values()].every((set) => set.has(label))));
    }
    return all.filter((e) => f.dimensions.has(e.code.dimension) && f.polarities.has(e.code.polarity) && !(agreed && agreed.has(labelOf(e.code))));
  }

  /** Turn ids where the shown coders do not all give the same set of codes. */
  disagreementTurns(): Set<string> {
    const shown = this.shownCoders();
    const out = new Set<string>();
    if (shown.length < 2) return out;
    for (const [turnId, entries] of this.byTurn) {
      const perCoder = new Map<string, Set<string>>(shown.map((id) => [id, new Set<string>()]));
      for (const e of entries.values()) perCoder.get(e.coderId)?.add(labelOf(e.code));
      const sets = [...perCoder.values()].map((s) => [...s].sort().join("|"));
      if (sets.some((s) => s !== sets[0])) out.add(turnId);
    }
    return out;
  }
}
