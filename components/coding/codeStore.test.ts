import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Code, deleteCode, putCode, setReviewed } from "@/lib/domain/layerDoc";
import { ALL_SHOWN, CodeStore, type StoreChange } from "./codeStore";

function code(turnId: string, dimension: Code["dimension"], polarity: Code["polarity"]): Code {
  return { turnId, start: "AA==", end: "AA==", quote: "q", dimension, polarity, at: 1 };
}

function setup() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const store = new CodeStore();
  store.setLayers([
    { coderId: "A", name: "Ann", own: true, doc: a },
    { coderId: "B", name: "Ben", own: false, doc: b },
  ]);
  const changes: StoreChange[] = [];
  store.subscribe((c) => changes.push(c));
  return { a, b, store, changes };
}

describe("CodeStore", () => {
  it("reports only the turns a layer change touched, including the old turn of a moved code", () => {
    const { a, changes } = setup();
    putCode(a, "c1", code("t1", "cognition", "inflexible"));
    putCode(a, "c1", code("t2", "cognition", "inflexible"));
    deleteCode(a, "c1");
    setReviewed(a, ["t9"], true);
    expect(changes.map((c) => (c.kind === "turns" ? [...c.turnIds].sort() : "all"))).toEqual([["t1"], ["t1", "t2"], ["t2"], ["t9"]]);
  });

  it("keeps only codes that not every shown coder gave the turn when showing disagreements", () => {
    const { a, b, store } = setup();
    putCode(a, "a1", code("t1", "cognition", "inflexible"));
    putCode(a, "a2", code("t1", "emotion", "inflexible"));
    putCode(b, "b1", code("t1", "cognition", "inflexible"));
    putCode(b, "b2", code("t1", "emotion", "flexible"));
    putCode(a, "a3", code("t2", "self", "inflexible"));
    putCode(b, "b3", code("t2", "self", "inflexible"));
    store.setFilter({ ...ALL_SHOWN, onlyDisagreements: true });
    expect(store.visibleForTurn("t1").map((e) => e.key).sort()).toEqual(["A/a2", "B/b2"]);
    expect(store.visibleForTurn("t2")).toEqual([]);
    expect([...store.disagreementTurns()]).toEqual(["t1"]);
    // With one coder hidden there is nothing to compare: everything shows.
    store.setFilter({ ...ALL_SHOWN, onlyDisagreements: true, hiddenCoders: new Set(["B"]) });
    expect(store.visibleForTurn("t1").map((e) => e.key).sort()).toEqual(["A/a1", "A/a2"]);
  });

  it("filters by dimension and pole, and ignores malformed entries from a foreign client", () => {
    const { a, store } = setup();
    putCode(a, "a1", code("t1", "cognition", "inflexible"));
    putCode(a, "a2", code("t1", "emotion", "flexible"));
    a.getMap("codes").set("junk", { turnId: "t1", dimension: "joy" });
    store.setFilter({ ...ALL_SHOWN, dimensions: new Set(["cognition"]) });
    expect(store.visibleForTurn("t1").map((e) => e.key)).toEqual(["A/a1"]);
    store.setFilter({ ...ALL_SHOWN, polarities: new Set(["flexible"]) });
    expect(store.visibleForTurn("t1").map((e) => e.key)).toEqual(["A/a2"]);
  });

  it("drops a removed layer's codes and stops listening to it", () => {
    const { a, b, store } = setup();
    putCode(b, "b1", code("t1", "cognition", "inflexible"));
    store.setLayers([{ coderId: "A", name: "Ann", own: true, doc: a }]);
    expect(store.entriesForTurn("t1")).toEqual([]);
    putCode(b, "b2", code("t1", "cognition", "inflexible"));
    expect(store.entriesForTurn("t1")).toEqual([]);
  });
});
