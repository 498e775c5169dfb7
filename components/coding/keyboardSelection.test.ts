import { Schema } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { selectionForKey, wordBoundary } from "./keyboardSelection";

const schema = new Schema({
  nodes: {
    doc: { content: "turn+" },
    turn: { content: "text*", attrs: { id: { default: null }, speaker: { default: "" } } },
    text: {},
  },
});

const TURNS = ["What happened?", "I'm useless at this, I really am."];

function stateAt(turnIndex: number, offset: number): EditorState {
  const doc = schema.node(
    "doc",
    null,
    TURNS.map((text, i) => schema.node("turn", { id: `t${i}`, speaker: i ? "Client" : "Therapist" }, [schema.text(text)])),
  );
  let pos = 0;
  for (let i = 0; i < turnIndex; i++) pos += doc.child(i).nodeSize;
  return EditorState.create({ doc, selection: TextSelection.create(doc, pos + 1 + offset) });
}

const press = (key: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) => ({ key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });

function run(state: EditorState, keys: Array<ReturnType<typeof press>>): EditorState {
  let current = state;
  for (const event of keys) {
    const selection = selectionForKey(current, event);
    if (selection) current = current.apply(current.tr.setSelection(selection));
  }
  return current;
}

const selectedText = (state: EditorState) => state.doc.textBetween(state.selection.from, state.selection.to);

describe("keyboard span selection", () => {
  it("finds word boundaries over apostrophes and punctuation", () => {
    const text = TURNS[1] ?? "";
    expect(wordBoundary(text, 0, 1)).toBe(3);
    expect(wordBoundary(text, 3, 1)).toBe(11);
    expect(wordBoundary(text, text.length, -1)).toBe(text.length - 3);
  });

  it("selects words with Shift+Ctrl+arrows and characters with Shift+arrows", () => {
    const words = run(stateAt(1, 0), [press("ArrowRight", { shiftKey: true, ctrlKey: true }), press("ArrowRight", { shiftKey: true, ctrlKey: true })]);
    expect(selectedText(words)).toBe("I'm useless");
    const chars = run(words, [press("ArrowRight", { shiftKey: true }), press("ArrowRight", { shiftKey: true }), press("ArrowLeft", { shiftKey: true })]);
    expect(selectedText(chars)).toBe("I'm useless ");
  });

  it("never leaves the turn: arrows stop at its ends and Shift+Home selects back to its start", () => {
    const atEnd = run(stateAt(0, 10), [press("End"), press("ArrowRight"), press("ArrowRight")]);
    expect(atEnd.selection.head).toBe(1 + TURNS[0]!.length);
    const back = run(stateAt(1, 4), [press("Home", { shiftKey: true }), press("ArrowLeft", { shiftKey: true })]);
    expect(selectedText(back)).toBe("I'm ");
  });

  it("clears the selection with Escape and ignores keys it does not own", () => {
    const selected = run(stateAt(1, 0), [press("End", { shiftKey: true })]);
    expect(selected.selection.empty).toBe(false);
    expect(run(selected, [press("Escape")]).selection.empty).toBe(true);
    expect(selectionForKey(stateAt(1, 0), press("j"))).toBeNull();
    expect(selectionForKey(stateAt(1, 0), press("Escape"))).toBeNull();
  });
});
