import { Extension } from "@tiptap/core";
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { turnAtSelection } from "./editorNavigation";

/**
 * Keyboard span selection in the read-only coding editor. A non-editable ProseMirror view has no caret
 * and ignores arrow keys, so a keyboard-only coder could code whole turns only. Here the arrows move a
 * caret inside the current turn, Shift extends a selection (Ctrl: by word, Home/End: to the turn's ends),
 * Esc collapses it; the caret and selection are painted as decorations because the browser draws neither
 * in a non-editable element. The page's 1–6 / C then code the selected span as they do a mouse selection.
 */

const key = new PluginKey<boolean>("keyboardSelection");
const WORD = /[\p{L}\p{N}'’_-]/u;

/** Offset of the next word boundary in `text` from `at`, moving `dir` (+1 right, -1 left). */
export function wordBoundary(text: string, at: number, dir: 1 | -1): number {
  let i = at;
  const isWord = (index: number) => WORD.test(text.charAt(index));
  if (dir > 0) {
    while (i < text.length && !isWord(i)) i++;
    while (i < text.length && isWord(i)) i++;
  } else {
    while (i > 0 && !isWord(i - 1)) i--;
    while (i > 0 && isWord(i - 1)) i--;
  }
  return i;
}

/** The new selection for a key, or null when the key is not ours. Positions stay inside one turn. */
export function selectionForKey(state: EditorState, event: Pick<KeyboardEvent, "key" | "shiftKey" | "ctrlKey" | "altKey" | "metaKey">): TextSelection | null {
  if (event.altKey || event.metaKey) return null;
  const turn = turnAtSelection(state);
  if (!turn) return null;
  const start = turn.pos + 1;
  const text = turn.node.textContent;
  const end = start + text.length;
  const { anchor, head } = state.selection;
  const clamp = (pos: number) => Math.min(end, Math.max(start, pos));
  const from = clamp(head);
  let next: number;
  switch (event.key) {
    case "ArrowRight":
      next = event.ctrlKey ? start + wordBoundary(text, from - start, 1) : from + 1;
      break;
    case "ArrowLeft":
      next = event.ctrlKey ? start + wordBoundary(text, from - start, -1) : from - 1;
      break;
    case "Home":
      if (event.ctrlKey) return null;
      next = start;
      break;
    case "End":
      if (event.ctrlKey) return null;
      next = end;
      break;
    case "Escape":
      if (state.selection.empty) return null;
      return TextSelection.create(state.doc, from);
    default:
      return null;
  }
  next = clamp(next);
  // Extending keeps the anchor, but never outside the head's turn: a code belongs to one turn.
  return event.shiftKey ? TextSelection.create(state.doc, clamp(anchor), next) : TextSelection.create(state.doc, next);
}

function caret(): HTMLElement {
  const element = document.createElement("span");
  element.className = "kb-caret";
  element.setAttribute("aria-hidden", "true");
  return element;
}

function decorations(state: EditorState, shown: boolean): DecorationSet {
  if (!shown) return DecorationSet.empty;
  const { from, to, empty, head } = state.selection;
  const set = empty
    ? [Decoration.widget(head, caret, { side: 0, key: "kb-caret", ignoreSelection: true })]
    : [Decoration.inline(from, to, { class: "kb-selection" })];
  return DecorationSet.create(state.doc, set);
}

export const KeyboardSelection = Extension.create({
  name: "keyboardSelection",
  addProseMirrorPlugins() {
    return [
      new Plugin<boolean>({
        key,
        state: {
          init: () => false,
          // Shown while the keyboard owns the selection; a click, J/K or a jump to a code hides it again.
          apply: (tr: Transaction, shown: boolean) => {
            const meta = tr.getMeta(key) as boolean | undefined;
            if (meta !== undefined) return meta;
            return tr.selectionSet ? false : shown;
          },
        },
        props: {
          decorations: (state) => decorations(state, key.getState(state) ?? false),
          handleDOMEvents: {
            keydown: (view: EditorView, event: KeyboardEvent) => {
              if (view.editable || event.defaultPrevented) return false;
              const selection = selectionForKey(view.state, event);
              if (!selection) return false;
              event.preventDefault();
              view.dispatch(view.state.tr.setSelection(selection).setMeta(key, true).scrollIntoView());
              return true;
            },
            blur: (view: EditorView) => {
              if (key.getState(view.state)) view.dispatch(view.state.tr.setMeta(key, false));
              return false;
            },
          },
        },
      }),
    ];
  },
});
