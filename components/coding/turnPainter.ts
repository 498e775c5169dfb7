import type { Node as PMNode } from "@tiptap/pm/model";
import { Decoration } from "@tiptap/pm/view";
import type * as Y from "yjs";
import { type AnchorContext, type ResolvedAnchor, anchorContext, resolveAnchor } from "@/lib/domain/anchoring";
import { type Codebook, codeLabel, dimensionColour, dimensionLabel } from "@/lib/domain/codebook";
import type { CodeEntry, CodeStore } from "./codeStore";
import { processLabel } from "./codebookText";
import { coderColour, inkOn } from "./colours";

/**
 * What one turn looks like with its codes: the decorations of a single turn, built from scratch. The
 * plugin (./codeDecorations) decides which turns to repaint; this decides how a turn is painted.
 */
export interface CodingHandlers {
  /** A chip was activated (click, Enter or Space). */
  onChip: (key: string) => void;
}

export interface CodeDecorationsOptions {
  store: CodeStore;
  txDoc: Y.Doc;
  codebook: Codebook;
  /** Whose "reviewed" marks to draw (the signed-in coder), if anyone's. */
  reviewer: string | null;
  handlers: CodingHandlers;
}

export function turnIdOfNode(node: PMNode): string | null {
  const id = node.attrs.id as unknown;
  return typeof id === "string" && id !== "" ? id : null;
}

const POLE_ORDER = { flexible: 0, inflexible: 1 } as const;

/** Lanes 0–3; a fifth overlapping code shares the lowest lane (the chips still list every code). */
const MAX_LANE = 3;
const LANE_STEP = 4;

interface LanedSpan {
  entry: CodeEntry;
  from: number;
  to: number;
  lane: number;
}

/**
 * Cuts a turn's overlapping spans into flat segments, each with the spans covering it. One flat <span>
 * per segment (instead of one nested <span> per code) keeps the DOM small: 5,000 codes on 400 turns
 * would otherwise nest into ~23,000 elements, and layout dominates the cost of every remote keystroke.
 */
function segments(spans: readonly LanedSpan[]): Array<{ from: number; to: number; active: LanedSpan[] }> {
  const cuts = [...new Set(spans.flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b);
  const out: Array<{ from: number; to: number; active: LanedSpan[] }> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    const active = spans.filter((s) => s.from <= from && s.to >= to);
    if (active.length > 0) out.push({ from, to, active });
  }
  return out;
}

/**
 * Several underlines on one flat span: one background layer per code, drawn in the span's bottom padding
 * (inline padding paints but does not move lines). Solid for flexible, dotted for inflexible.
 */
function underlineAttrs(active: readonly LanedSpan[]): Record<string, string> {
  const maxLane = Math.max(...active.map((s) => s.lane));
  // The first line sits 2px above the bottom of the text's box (about where an underline goes); each
  // further lane 4px lower, inside the span's bottom padding.
  const padding = maxLane * LANE_STEP + 2;
  const layers = active.map((s) => {
    const colour = dimensionColour(s.entry.code.dimension);
    const flexible = s.entry.code.polarity === "flexible";
    const thickness = flexible ? 2 : 3;
    return {
      image: flexible ? `linear-gradient(${colour},${colour})` : `repeating-linear-gradient(90deg,${colour} 0 3px,transparent 3px 6px)`,
      size: `100% ${thickness}px`,
      position: `left 0 bottom ${padding + 2 - s.lane * LANE_STEP - thickness}px`,
    };
  });
  const poles = new Set(active.map((s) => s.entry.code.polarity));
  return {
    class: `code-span${poles.size === 1 ? ` code-${[...poles][0]}` : ""}`,
    style: `padding-bottom:${padding}px;background-image:${layers.map((l) => l.image).join(",")};background-size:${layers.map((l) => l.size).join(",")};background-position:${layers.map((l) => l.position).join(",")}`,
  };
}

export class TurnPainter {
  private context: AnchorContext | null = null;

  constructor(private readonly options: CodeDecorationsOptions) {}

  invalidate(): void {
    this.context = null;
  }

  private ctx(): AnchorContext {
    this.context ??= anchorContext(this.options.txDoc);
    return this.context;
  }

  resolve(entry: CodeEntry): ResolvedAnchor {
    return resolveAnchor(this.options.txDoc, entry.code, this.ctx());
  }

  /** All decorations of one turn: its node classes, the spans of its visible codes and its chip row. */
  paint(node: PMNode, pos: number, current: string | null): Decoration[] {
    const turnId = turnIdOfNode(node);
    if (turnId === null) return [];
    const { store, reviewer } = this.options;
    const out: Decoration[] = [];
    // Only the current turn gets a node decoration: node decorations live in the document's top-level
    // set, which the view scans once per turn on every update — 400 reviewed marks there would cost
    // O(turns²) per keystroke. The reviewed mark is a widget inside the turn instead.
    if (current === turnId) out.push(Decoration.node(pos, pos + node.nodeSize, { class: "turn-current" }, { turnId }));
    if (reviewer && store.reviewedBy(reviewer).has(turnId)) {
      out.push(Decoration.widget(pos + 1, reviewedMark, { side: -1, key: "reviewed", turnId, ignoreSelection: true }));
    }
    const entries = store.visibleForTurn(turnId);
    if (entries.length === 0) return out;

    entries.sort((a, b) => a.code.dimension.localeCompare(b.code.dimension) || POLE_ORDER[a.code.polarity] - POLE_ORDER[b.code.polarity] || a.coderId.localeCompare(b.coderId) || a.code.at - b.code.at);
    const contentStart = pos + 1;
    const size = node.content.size;
    const spans: Array<{ entry: CodeEntry; from: number; to: number }> = [];
    const status = new Map<string, "ok" | "orphaned" | "pending">();
    for (const entry of entries) {
      const r = this.resolve(entry);
      if (r.status === "ok" && r.turnId === turnId && r.startOffset < size) {
        spans.push({ entry, from: r.startOffset, to: Math.min(r.endOffset, size) });
        status.set(entry.key, "ok");
      } else {
        status.set(entry.key, r.status === "orphaned" && r.reason === "pending" ? "pending" : "orphaned");
      }
    }
    // Overlapping spans get their own lane: each underline sits a little lower than the one above it.
    spans.sort((a, b) => a.from - b.from || b.to - a.to);
    const laneEnds: number[] = [];
    const laned = spans.map((span) => {
      let lane = laneEnds.findIndex((end) => end <= span.from);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = span.to;
      return { ...span, lane: Math.min(lane, MAX_LANE) };
    });
    for (const segment of segments(laned)) {
      out.push(
        Decoration.inline(contentStart + segment.from, contentStart + segment.to, underlineAttrs(segment.active), {
          turnId,
          keys: segment.active.map((s) => s.entry.key),
        }),
      );
    }

    const marks = store.layerSources().length > 1;
    const chips = entries.filter((e) => status.get(e.key) !== "pending");
    if (chips.length > 0) {
      const chipKey = `chips:${turnId}:${marks ? "m" : ""}:${chips.map((e) => `${e.key}@${e.code.at}${status.get(e.key) === "orphaned" ? "!" : ""}`).join(",")}`;
      out.push(
        Decoration.widget(contentStart + size, () => this.chipRow(chips, status, marks), {
          side: 1,
          key: chipKey,
          turnId,
          ignoreSelection: true,
          stopEvent: () => true,
        }),
      );
    }
    return out;
  }

  /**
   * One <button> per chip with a single text node: the coder's initials and the hover/focus details are
   * CSS pseudo-elements fed from data attributes, so 5,000 chips stay 5,000 elements.
   */
  private chipRow(entries: CodeEntry[], status: Map<string, string>, marks: boolean): HTMLElement {
    const { store, codebook, handlers } = this.options;
    const row = document.createElement("span");
    row.className = "code-chips";
    row.contentEditable = "false";
    for (const entry of entries) {
      const { code } = entry;
      const colour = dimensionColour(code.dimension);
      const orphaned = status.get(entry.key) === "orphaned";
      const who = store.isOwn(entry.coderId) ? `${store.coderName(entry.coderId)} (you)` : store.coderName(entry.coderId);
      const details = [
        `${dimensionLabel(code.dimension)}, ${code.polarity}`,
        processLabel(codebook, code),
        code.note ? `note: ${code.note}` : null,
        `by ${who}`,
        orphaned ? "its text was changed or deleted" : null,
      ].filter((x): x is string => Boolean(x));
      const label = codeLabel(code.dimension, code.polarity);
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = `chip chip-${code.polarity}${orphaned ? " chip-orphaned" : ""}${marks ? " chip-marked" : ""}`;
      chip.style.cssText = `--code-colour:${colour};--chip-ink:${code.polarity === "flexible" ? inkOn(colour) : "var(--ink)"};--coder-colour:${coderColour(entry.coderId)}`;
      chip.dataset.code = entry.key;
      chip.dataset.tip = details.join(" · ");
      if (marks) chip.dataset.coder = initialsOf(store.coderName(entry.coderId));
      chip.setAttribute("aria-label", `${label}: ${details.join("; ")}`);
      chip.textContent = `${orphaned ? "⚠ " : ""}${label}`;
      row.append(chip);
    }
    row.addEventListener("click", (event) => {
      const key = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(".chip")?.dataset.code : undefined;
      if (key) handlers.onChip(key);
    });
    return row;
  }
}

function reviewedMark(): HTMLElement {
  const mark = document.createElement("span");
  mark.className = "reviewed-mark";
  mark.contentEditable = "false";
  mark.textContent = "✓ reviewed";
  return mark;
}

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase();
}
