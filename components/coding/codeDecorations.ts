import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Mapping, StepMap } from "@tiptap/pm/transform";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { Codebook } from "@/lib/domain/codebook";
import type { CodeStore, StoreChange } from "./codeStore";
import { turnAtSelection } from "./editorNavigation";
import { type CodeDecorationsOptions, type CodingHandlers, TurnPainter, turnIdOfNode } from "./turnPainter";

export type { CodeDecorationsOptions, CodingHandlers } from "./turnPainter";

/**
 * Codes drawn into the transcript: an underline under each span (dimension colour; flexible solid,
 * inflexible dotted — never colour alone) and a row of chips under each turn. One DecorationSet, kept up
 * to date turn by turn:
 *   - local edits: mapped through tr.mapping (resolving Yjs positions inside a local transaction would
 *     read stale state);
 *   - remote edits (ySync-origin): only the turns the Yjs transaction touched are re-resolved; every
 *     other turn's decorations are shifted by a synthetic step map;
 *   - layer changes: only the turns of the codes that changed are rebuilt.
 */

interface PluginValue {
  set: DecorationSet;
  current: string | null;
}

interface Meta {
  dirty: ReadonlySet<string> | "all";
}

export const codeDecorationsKey = new PluginKey<PluginValue>("coflexCodes");

interface TouchedTurns {
  turns: Set<string>;
  structural: boolean;
}

/** Top-level turn positions of a document, by id. */
export function turnPositions(doc: PMNode): Map<string, { pos: number; node: PMNode; index: number }> {
  const out = new Map<string, { pos: number; node: PMNode; index: number }>();
  doc.forEach((node, pos, index) => {
    const id = turnIdOfNode(node);
    if (id !== null && !out.has(id)) out.set(id, { pos, node, index });
  });
  return out;
}

function sameTurnList(a: PMNode, b: PMNode): boolean {
  if (a.childCount !== b.childCount) return false;
  for (let i = 0; i < a.childCount; i++) if (turnIdOfNode(a.child(i)) !== turnIdOfNode(b.child(i))) return false;
  return true;
}

function paintAll(painter: TurnPainter, doc: PMNode, current: string | null): DecorationSet {
  painter.invalidate();
  const decorations: Decoration[] = [];
  doc.forEach((node, pos) => {
    for (const d of painter.paint(node, pos, current)) decorations.push(d);
  });
  return DecorationSet.create(doc, decorations);
}

function repaintTurns(painter: TurnPainter, set: DecorationSet, doc: PMNode, turnIds: Iterable<string>, current: string | null): DecorationSet {
  const positions = turnPositions(doc);
  let next = set;
  const added: Decoration[] = [];
  for (const turnId of turnIds) {
    const at = positions.get(turnId);
    if (!at) continue;
    const old = next.find(at.pos, at.pos + at.node.nodeSize, (spec: { turnId?: string }) => spec.turnId === turnId);
    if (old.length > 0) next = next.remove(old);
    for (const d of painter.paint(at.node, at.pos, current)) added.push(d);
  }
  return added.length > 0 ? next.add(doc, added) : next;
}

/**
 * A remote (ySync) transaction replaces the whole document, so tr.mapping would drop every decoration.
 * Instead: take the turns the Yjs transaction touched (plus, defensively, any whose size changed), shift
 * every other turn's decorations by a step map built from just those turns, and repaint the touched ones.
 * The Yjs touched set is exact, so untouched turns are not compared node by node.
 */
function applyRemote(painter: TurnPainter, value: PluginValue, oldDoc: PMNode, newDoc: PMNode, touched: TouchedTurns): DecorationSet {
  if (touched.structural || !sameTurnList(oldDoc, newDoc)) return paintAll(painter, newDoc, value.current);
  // One pass: the turns Yjs says it touched (or whose size changed), with their old and new positions.
  const ranges: number[] = [];
  const changed: Array<{ id: string; oldPos: number; oldSize: number; newPos: number; node: PMNode }> = [];
  let oldPos = 0;
  let newPos = 0;
  for (let i = 0; i < oldDoc.childCount; i++) {
    const before = oldDoc.child(i);
    const after = newDoc.child(i);
    const id = turnIdOfNode(after);
    if ((id !== null && touched.turns.has(id)) || before.nodeSize !== after.nodeSize) {
      ranges.push(oldPos, before.nodeSize, after.nodeSize);
      if (id !== null) changed.push({ id, oldPos, oldSize: before.nodeSize, newPos, node: after });
    }
    oldPos += before.nodeSize;
    newPos += after.nodeSize;
  }
  if (ranges.length === 0) return value.set.map(new Mapping([]), newDoc);
  let set = value.set;
  // Drop the changed turns' decorations first (in old coordinates), then shift the rest.
  for (const turn of changed) {
    const old = set.find(turn.oldPos, turn.oldPos + turn.oldSize, (spec: { turnId?: string }) => spec.turnId === turn.id);
    if (old.length > 0) set = set.remove(old);
  }
  set = set.map(new Mapping([new StepMap(ranges)]), newDoc);
  const added: Decoration[] = [];
  for (const turn of changed) for (const d of painter.paint(turn.node, turn.newPos, value.current)) added.push(d);
  return added.length > 0 ? set.add(newDoc, added) : set;
}

function touchedByYjs(transaction: Y.Transaction, fragment: Y.XmlFragment, into: TouchedTurns): void {
  for (const type of transaction.changed.keys()) {
    let node: unknown = type;
    if (node === fragment) {
      into.structural = true;
      continue;
    }
    while (node instanceof Y.AbstractType && !(node instanceof Y.XmlElement && node.parent === fragment)) node = node.parent;
    const id = node instanceof Y.XmlElement ? (node.getAttribute("id") as unknown) : null;
    if (typeof id === "string") into.turns.add(id);
    else into.structural = true;
  }
}

export const CodeDecorations = Extension.create<CodeDecorationsOptions>({
  name: "coflexCodeDecorations",

  addOptions() {
    return {
      store: null as unknown as CodeStore,
      txDoc: null as unknown as Y.Doc,
      codebook: null as unknown as Codebook,
      reviewer: null,
      // Not a plain-object default: Tiptap deep-merges plain objects, which would copy the caller's
      // mutable handlers object instead of keeping a reference to it.
      handlers: null as unknown as CodingHandlers,
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    const painter = new TurnPainter(options);
    const touched: TouchedTurns = { turns: new Set(), structural: false };
    const fragment = options.txDoc.getXmlFragment("transcript");

    return [
      new Plugin<PluginValue>({
        key: codeDecorationsKey,
        state: {
          init: (_config, state) => {
            const current = turnAtSelection(state)?.id ?? null;
            return { set: paintAll(painter, state.doc, current), current };
          },
          apply: (tr: Transaction, value, oldState, newState) => {
            // The current turn follows the selection: J/K move a (read-only) caret, a click or a selection sets it.
            const current = turnAtSelection(newState)?.id ?? null;
            const meta = tr.getMeta(codeDecorationsKey) as Meta | undefined;
            if (meta?.dirty === "all") return { set: paintAll(painter, newState.doc, current), current };
            let set = value.set;
            if (tr.docChanged) {
              if (tr.getMeta(ySyncPluginKey)) {
                if (touched.structural) painter.invalidate();
                set = applyRemote(painter, { set, current }, oldState.doc, newState.doc, touched);
                touched.turns.clear();
                touched.structural = false;
              } else {
                set = set.map(tr.mapping, tr.doc);
              }
            }
            const dirty = new Set<string>(meta?.dirty ?? []);
            if (current !== value.current) {
              if (value.current !== null) dirty.add(value.current);
              if (current !== null) dirty.add(current);
            }
            if (dirty.size > 0) set = repaintTurns(painter, set, newState.doc, dirty, current);
            return { set, current };
          },
        },
        props: {
          decorations: (state) => codeDecorationsKey.getState(state)?.set ?? DecorationSet.empty,
        },
        view: (view) => {
          const onStore = (change: StoreChange) => {
            if (view.isDestroyed) return;
            const meta: Meta = { dirty: change.kind === "all" ? "all" : change.turnIds };
            view.dispatch(view.state.tr.setMeta(codeDecorationsKey, meta));
          };
          const onYjs = (transaction: Y.Transaction) => {
            // The binding's own writes (local edits) are already mapped through tr.mapping.
            if (transaction.origin === ySyncPluginKey) return;
            touchedByYjs(transaction, fragment, touched);
          };
          const unsubscribe = options.store.subscribe(onStore);
          options.txDoc.on("beforeObserverCalls", onYjs);
          return {
            destroy: () => {
              unsubscribe();
              options.txDoc.off("beforeObserverCalls", onYjs);
            },
          };
        },
      }),
    ];
  },
});
