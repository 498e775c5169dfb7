import * as Y from "yjs";
import { TURN_NODE, transcriptFragment } from "./transcriptDoc";

/**
 * Codes live in layer docs but point into the transcript doc (ARCHITECTURE "Codes anchor to text that
 * can change"). A span is two Yjs relative positions into one turn's XmlText:
 *   - start, assoc 0: sticks to the span's first character (text typed just before the span stays out);
 *   - end, assoc −1: sticks to the span's last character (text typed just after the span stays out).
 * So an insert strictly inside a span widens it, an insert at either edge does not, and deleting part of
 * the span shrinks it to the characters that survive. The quote is kept to re-anchor an orphan.
 *
 * Offsets are UTF-16 code units into the turn's text, the unit of both Y.Text and ProseMirror.
 */

export interface SpanAnchor {
  turnId: string;
  /** base64 of Y.encodeRelativePosition (assoc 0). */
  start: string;
  /** base64 of Y.encodeRelativePosition (assoc −1). */
  end: string;
  quote: string;
}

export type OrphanReason =
  /** The positions cannot be decoded. */
  | "unreadable"
  /** They point at text this copy of the transcript has not received yet (usually a moment later it has). */
  | "pending"
  /** The turn or its whole text was deleted. */
  | "text-deleted"
  /** The positions resolve into another turn, or into two different places. */
  | "outside-turn"
  /** Every character of the span was deleted. */
  | "collapsed";

export type ResolvedAnchor =
  | { status: "ok"; turnId: string; turnIndex: number; startOffset: number; endOffset: number; text: string }
  | { status: "orphaned"; reason: OrphanReason };

/** A turn's place on the transcript continuum (turn texts laid end to end, `gap` characters apart). */
export interface TurnOffset {
  turnId: string;
  index: number;
  /** Offset of the turn's first character on the continuum. */
  start: number;
  length: number;
}

// ---- base64 that works the same in Node (≥ 16) and browsers -------------------------------------------

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodePosition(position: Y.RelativePosition): string {
  return bytesToBase64(Y.encodeRelativePosition(position));
}

export function decodePosition(text: string): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(base64ToBytes(text));
  } catch {
    return null;
  }
}

// ---- the transcript's turns as Yjs types ---------------------------------------------------------------

function isTurn(node: unknown): node is Y.XmlElement {
  return node instanceof Y.XmlElement && node.nodeName === TURN_NODE;
}

function turnIdOf(element: Y.XmlElement): string {
  const id = element.getAttribute("id") as unknown;
  return typeof id === "string" ? id : String(id ?? "");
}

/** The turn's text type: y-prosemirror keeps a turn's text in one XmlText child (absent when the turn is empty). */
export function turnTextType(element: Y.XmlElement): Y.XmlText | null {
  for (const child of element.toArray()) if (child instanceof Y.XmlText) return child;
  return null;
}

/** Plain text of an XmlText (XmlText.toString() would render formatting as markup). */
export function plainText(text: Y.XmlText): string {
  let out = "";
  for (const op of text.toDelta() as Array<{ insert?: unknown }>) {
    if (typeof op.insert === "string") out += op.insert;
    else if (op.insert !== undefined) out += "\uFFFC"; // an embed counts one position, as in Y.Text
  }
  return out;
}

/**
 * Lookups shared by many resolutions: building it costs one pass over the turns, after which resolving a
 * code costs only the walk along its own turn's text items. Rebuild it after the turn list changes.
 */
export interface AnchorContext {
  turns: Y.XmlElement[];
  indexOf: Map<Y.XmlElement, number>;
  byId: Map<string, Y.XmlElement>;
}

export function anchorContext(txDoc: Y.Doc): AnchorContext {
  const turns = transcriptFragment(txDoc).toArray().filter(isTurn);
  const indexOf = new Map<Y.XmlElement, number>();
  const byId = new Map<string, Y.XmlElement>();
  turns.forEach((turn, index) => {
    indexOf.set(turn, index);
    const id = turnIdOf(turn);
    if (!byId.has(id)) byId.set(id, turn);
  });
  return { turns, indexOf, byId };
}

// ---- anchoring -----------------------------------------------------------------------------------------

/** Anchors the span [startOffset, endOffset) of a turn's text. Throws on a span that is empty or out of range. */
export function anchorSpan(txDoc: Y.Doc, turnId: string, startOffset: number, endOffset: number, context?: AnchorContext): SpanAnchor {
  const element = (context ?? anchorContext(txDoc)).byId.get(turnId);
  if (!element) throw new Error(`anchorSpan: no turn ${turnId}`);
  const text = turnTextType(element);
  if (!text) throw new Error(`anchorSpan: turn ${turnId} has no text`);
  const content = plainText(text);
  if (!Number.isInteger(startOffset) || !Number.isInteger(endOffset) || startOffset < 0 || endOffset > content.length || startOffset >= endOffset) {
    throw new Error(`anchorSpan: span ${startOffset}–${endOffset} is not inside turn ${turnId} (length ${content.length})`);
  }
  return {
    turnId,
    start: encodePosition(Y.createRelativePositionFromTypeIndex(text, startOffset, 0)),
    end: encodePosition(Y.createRelativePositionFromTypeIndex(text, endOffset, -1)),
    quote: content.slice(startOffset, endOffset),
  };
}

/** Anchors a whole turn (a whole-turn code's span is the turn's text). Null for an empty turn. */
export function anchorTurn(txDoc: Y.Doc, turnId: string, context?: AnchorContext): SpanAnchor | null {
  const ctx = context ?? anchorContext(txDoc);
  const element = ctx.byId.get(turnId);
  const text = element ? turnTextType(element) : null;
  const length = text ? plainText(text).length : 0;
  return length > 0 ? anchorSpan(txDoc, turnId, 0, length, ctx) : null;
}

function isDeleted(type: { _item: Y.Item | null }): boolean {
  return type._item !== null && type._item.deleted;
}

/** Where a code's span is in the transcript now, or why it can't be placed. */
export function resolveAnchor(txDoc: Y.Doc, code: Pick<SpanAnchor, "turnId" | "start" | "end">, context?: AnchorContext): ResolvedAnchor {
  const startRel = decodePosition(code.start);
  const endRel = decodePosition(code.end);
  if (!startRel || !endRel) return { status: "orphaned", reason: "unreadable" };
  let start: Y.AbsolutePosition | null;
  let end: Y.AbsolutePosition | null;
  try {
    start = Y.createAbsolutePositionFromRelativePosition(startRel, txDoc);
    end = Y.createAbsolutePositionFromRelativePosition(endRel, txDoc);
  } catch {
    return { status: "orphaned", reason: "unreadable" };
  }
  if (!start || !end) return { status: "orphaned", reason: "pending" };
  const text = start.type;
  if (end.type !== text || !(text instanceof Y.XmlText)) return { status: "orphaned", reason: "outside-turn" };
  const element = text.parent;
  if (!isTurn(element)) return { status: "orphaned", reason: "outside-turn" };
  if (isDeleted(text) || isDeleted(element)) return { status: "orphaned", reason: "text-deleted" };
  if (turnIdOf(element) !== code.turnId) return { status: "orphaned", reason: "outside-turn" };
  const ctx = context ?? anchorContext(txDoc);
  const turnIndex = ctx.indexOf.get(element);
  if (turnIndex === undefined) return { status: "orphaned", reason: "text-deleted" };
  if (end.index <= start.index) return { status: "orphaned", reason: "collapsed" };
  return {
    status: "ok",
    turnId: code.turnId,
    turnIndex,
    startOffset: start.index,
    endOffset: end.index,
    text: plainText(text).slice(start.index, end.index),
  };
}

/**
 * A fresh anchor for an orphaned code, found by its quote: first in its own turn, then anywhere (in
 * transcript order). Null when the quote is empty or appears nowhere.
 */
export function reanchorByQuote(txDoc: Y.Doc, code: Pick<SpanAnchor, "turnId" | "quote">, context?: AnchorContext): SpanAnchor | null {
  if (code.quote.length === 0) return null;
  const ctx = context ?? anchorContext(txDoc);
  const own = ctx.byId.get(code.turnId);
  const candidates = own ? [own, ...ctx.turns.filter((t) => t !== own)] : ctx.turns;
  for (const element of candidates) {
    const text = turnTextType(element);
    if (!text) continue;
    const at = plainText(text).indexOf(code.quote);
    if (at >= 0) return anchorSpan(txDoc, turnIdOf(element), at, at + code.quote.length, ctx);
  }
  return null;
}

/** Each turn's start on the continuum of turn texts laid end to end (`gap` characters between turns). */
export function turnOffsets(txDoc: Y.Doc, gap = 0): TurnOffset[] {
  const out: TurnOffset[] = [];
  let at = 0;
  anchorContext(txDoc).turns.forEach((element, index) => {
    const text = turnTextType(element);
    const length = text ? plainText(text).length : 0;
    out.push({ turnId: turnIdOf(element), index, start: at, length });
    at += length + gap;
  });
  return out;
}
