import type { Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { type EditorState, TextSelection } from "@tiptap/pm/state";
import type * as Y from "yjs";
import { resolveAnchor } from "@/lib/domain/anchoring";
import type { StoredCode } from "@/lib/domain/layerDoc";

/** What a new code would cover: a span inside one turn, or the whole turn. */
export interface CodeTarget {
  turnId: string;
  turnIndex: number;
  speaker: string;
  start: number;
  end: number;
  quote: string;
  whole: boolean;
}

export interface TurnAt {
  id: string;
  pos: number;
  node: PMNode;
  index: number;
}

function turnNodeId(node: PMNode): string | null {
  const id = node.attrs.id as unknown;
  return typeof id === "string" && id !== "" ? id : null;
}

/** The turn holding the selection's head: the "current turn" of the coding page. */
export function turnAtSelection(state: EditorState): TurnAt | null {
  const { $head } = state.selection;
  if ($head.depth < 1) {
    const first = state.doc.firstChild;
    const id = first ? turnNodeId(first) : null;
    return first && id ? { id, pos: 0, node: first, index: 0 } : null;
  }
  const node = $head.node(1);
  const id = turnNodeId(node);
  return id ? { id, pos: $head.before(1), node, index: $head.index(0) } : null;
}

export function findTurn(doc: PMNode, turnId: string): TurnAt | null {
  let found: TurnAt | null = null;
  doc.forEach((node, pos, index) => {
    if (!found && turnNodeId(node) === turnId) found = { id: turnId, pos, node, index };
  });
  return found;
}

export function turnAtIndex(doc: PMNode, index: number): TurnAt | null {
  if (index < 0 || index >= doc.childCount) return null;
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  const node = doc.child(index);
  const id = turnNodeId(node);
  return id ? { id, pos, node, index } : null;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return [s, e];
}

/**
 * The selection if it is a span inside the current turn, else the whole current turn. A selection that
 * crosses turns is refused: a code belongs to one turn, the unit agreement is computed on.
 */
export function codeTarget(editor: Editor): { ok: true; target: CodeTarget } | { ok: false; message: string } {
  const { state } = editor;
  const turn = turnAtSelection(state);
  if (!turn) return { ok: false, message: "Move to a turn first (J / K)." };
  const text = turn.node.textContent;
  const speaker = String(turn.node.attrs.speaker ?? "");
  const { from, to, empty } = state.selection;
  if (!empty) {
    const $from = state.doc.resolve(from);
    const $to = state.doc.resolve(to);
    if ($from.depth < 1 || $to.depth < 1 || $from.before(1) !== $to.before(1)) {
      return { ok: false, message: "Select text inside one turn — each code belongs to a single turn." };
    }
    const [s, e] = trimmed(text, from - turn.pos - 1, to - turn.pos - 1);
    if (e > s) return { ok: true, target: { turnId: turn.id, turnIndex: turn.index, speaker, start: s, end: e, quote: text.slice(s, e), whole: s === 0 && e === text.length } };
  }
  if (text.length === 0) return { ok: false, message: "This turn has no text to code." };
  return { ok: true, target: { turnId: turn.id, turnIndex: turn.index, speaker, start: 0, end: text.length, quote: text, whole: true } };
}

/** Puts the (invisible, read-only) caret at a turn's start and brings the turn into view. */
export function goToTurn(editor: Editor, turn: TurnAt): void {
  const { view } = editor;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, turn.pos + 1)));
  scrollTurnIntoView(turn.id);
}

export function scrollTurnIntoView(turnId: string): void {
  const scroll = () => document.getElementById(`turn-${turnId}`)?.scrollIntoView({ block: "nearest" });
  scroll();
  // Turns far off screen are not laid out (content-visibility: auto) and were placed by an estimated
  // height; once the turns around the target have their real height, settle on the target again.
  requestAnimationFrame(scroll);
}

export function moveTurn(editor: Editor, delta: number): TurnAt | null {
  const current = turnAtSelection(editor.state);
  const index = Math.min(editor.state.doc.childCount - 1, Math.max(0, (current?.index ?? -1) + delta));
  const next = turnAtIndex(editor.state.doc, index);
  if (next) goToTurn(editor, next);
  return next;
}

/** Selects a code's span in the editor (focusing it, so the selection shows). False when the code is orphaned. */
export function selectCode(editor: Editor, txDoc: Y.Doc, code: StoredCode): boolean {
  const resolved = resolveAnchor(txDoc, code);
  const turn = findTurn(editor.state.doc, resolved.status === "ok" ? resolved.turnId : code.turnId);
  if (!turn) return false;
  const { view } = editor;
  if (resolved.status !== "ok") {
    goToTurn(editor, turn);
    return false;
  }
  const size = turn.node.content.size;
  const from = turn.pos + 1 + Math.min(resolved.startOffset, size);
  const to = turn.pos + 1 + Math.min(resolved.endOffset, size);
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
  view.dom.focus({ preventScroll: true });
  scrollTurnIntoView(turn.id);
  return true;
}
