/**
 * Browser side of `npm run bench:coding` (bundled by bench/coding.ts, run in Chromium). Builds a 400-turn
 * transcript and code layers in memory, mounts the real transcript editor with the real code decorations,
 * and times (a) the cold load until every turn and decoration is in the DOM and laid out, and (b) the
 * editor's cost of one remote keystroke: applying the Yjs update through to the updated DOM.
 */
import { Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import Text from "@tiptap/extension-text";
import * as Y from "yjs";
import { CodeDecorations } from "../components/coding/codeDecorations";
import { CodeStore } from "../components/coding/codeStore";
import { TranscriptDocument } from "../components/editor/TranscriptDocument";
import { TurnNode } from "../components/editor/TurnNode";
import { anchorSpan, anchorContext, plainText, turnTextType } from "../lib/domain/anchoring";
import { DIMENSIONS, defaultCodebook } from "../lib/domain/codebook";
import { demoTranscript } from "../lib/domain/demoTranscript";
import { putCode, setReviewed } from "../lib/domain/layerDoc";
import { writeTurns } from "../lib/domain/transcriptDoc";

export interface BenchOptions {
  turns: number;
  codes: number;
  coders: number;
  keystrokes: number;
  decorations: boolean;
  seed: number;
}

export interface BenchResult {
  turns: number;
  codes: number;
  coldMs: number;
  storeMs: number;
  spansInDom: number;
  chipsInDom: number;
  keystrokeJsMs: number[];
  keystrokeLayoutMs: number[];
  /** After all keystrokes, the incrementally kept decorations equal a full repaint's (DOM compared). */
  incrementalMatchesRepaint: boolean;
}

declare global {
  interface Window {
    runBench: (options: BenchOptions) => Promise<BenchResult>;
  }
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

window.runBench = async (options) => {
  const rnd = random(options.seed);
  const source = new Y.Doc({ gc: false });
  const seedTurns = demoTranscript.turns;
  writeTurns(
    source,
    Array.from({ length: options.turns }, (_, i) => {
      const t = seedTurns[i % seedTurns.length] ?? seedTurns[0];
      if (!t) throw new Error("no demo turns");
      return { id: `t${i}`, speaker: t.speaker, role: t.role, start: i * 4, end: i * 4 + 3, text: t.text };
    }),
  );
  const ctx = anchorContext(source);
  const layers = Array.from({ length: options.coders }, () => new Y.Doc());
  for (let i = 0; i < options.codes; i++) {
    const turnIndex = Math.floor(rnd() * options.turns);
    const text = plainText(turnTextType(ctx.turns[turnIndex] as Y.XmlElement) as Y.XmlText);
    const start = Math.floor(rnd() * Math.max(1, text.length - 20));
    const end = Math.min(text.length, start + 5 + Math.floor(rnd() * 40));
    const anchor = anchorSpan(source, `t${turnIndex}`, start, end, ctx);
    putCode(layers[i % options.coders] as Y.Doc, `c${i}`, {
      ...anchor,
      dimension: DIMENSIONS[Math.floor(rnd() * DIMENSIONS.length)] ?? "emotion",
      polarity: rnd() < 0.5 ? "flexible" : "inflexible",
      at: i,
    });
  }
  // The coder has reviewed the first half of the turns: their marks are drawn too.
  setReviewed(layers[0] as Y.Doc, Array.from({ length: Math.floor(options.turns / 2) }, (_, i) => `t${i}`), true);
  const update = Y.encodeStateAsUpdate(source);
  const local = new Y.Doc({ gc: false });
  Y.applyUpdate(local, update);
  const remote = new Y.Doc({ gc: false });
  Y.applyUpdate(remote, update);

  const storeStart = performance.now();
  const store = new CodeStore();
  store.setLayers(layers.map((doc, i) => ({ coderId: `coder${i}`, name: `Coder ${i + 1}`, own: i === 0, doc })));
  const storeMs = performance.now() - storeStart;

  const element = document.createElement("div");
  element.className = "transcript";
  document.querySelector(".transcript-scroll")?.append(element);
  const start = performance.now();
  const editor = new Editor({
    element,
    editable: false,
    extensions: [
      TranscriptDocument,
      Text,
      TurnNode,
      Collaboration.configure({ document: local, field: "transcript" }),
      ...(options.decorations ? [CodeDecorations.configure({ store, txDoc: local, codebook: defaultCodebook, reviewer: "coder0", handlers: { onChip: () => undefined } })] : []),
    ],
  });
  while (element.querySelectorAll(".turn").length < options.turns) await new Promise((r) => setTimeout(r, 1));
  void element.offsetHeight;
  await frame();
  const coldMs = performance.now() - start;

  const keystrokeJsMs: number[] = [];
  const keystrokeLayoutMs: number[] = [];
  const remoteCtx = anchorContext(remote);
  let pending: Uint8Array | null = null;
  remote.on("update", (u: Uint8Array) => {
    pending = u;
  });
  for (let k = 0; k < options.keystrokes; k++) {
    const turn = remoteCtx.turns[Math.floor(rnd() * remoteCtx.turns.length)] as Y.XmlElement;
    const text = turnTextType(turn) as Y.XmlText;
    text.insert(Math.floor(rnd() * text.length), "x");
    const u = pending as Uint8Array | null;
    if (!u) throw new Error("no update");
    const t0 = performance.now();
    Y.applyUpdate(local, u, "remote");
    const t1 = performance.now();
    void element.offsetHeight;
    const t2 = performance.now();
    keystrokeJsMs.push(t1 - t0);
    keystrokeLayoutMs.push(t2 - t0);
    await frame();
  }
  const snapshot = () => [...element.querySelectorAll(".turn")].map((t) => t.innerHTML).join("\n");
  const incremental = snapshot();
  store.setFilter({ ...store.filter }); // repaints every turn from scratch
  const incrementalMatchesRepaint = incremental === snapshot();
  const result: BenchResult = {
    turns: element.querySelectorAll(".turn").length,
    codes: options.codes,
    coldMs,
    storeMs,
    spansInDom: element.querySelectorAll(".code-span").length,
    chipsInDom: element.querySelectorAll(".chip").length,
    keystrokeJsMs,
    keystrokeLayoutMs,
    incrementalMatchesRepaint,
  };
  editor.destroy();
  element.remove();
  return result;
};
