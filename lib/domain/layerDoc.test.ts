import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { codesMap, putCode, readLayer, setReviewed } from "./layerDoc";

const code = { turnId: "t1", start: "AA==", end: "AA==", quote: "useless", dimension: "cognition" as const, polarity: "inflexible" as const, at: 1 };

describe("layer document", () => {
  it("reads back codes and reviewed turns written through an encoded update", () => {
    const doc = new Y.Doc();
    putCode(doc, "c1", code);
    setReviewed(doc, ["t1", "t2"], true);
    setReviewed(doc, ["t2"], false);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readLayer(copy)).toEqual({ codes: [{ ...code, id: "c1" }], reviewed: ["t1"], invalid: 0 });
  });

  it("counts but never returns malformed codes written by a foreign client", () => {
    const doc = new Y.Doc();
    codesMap(doc).set("bad", { turnId: "t1", dimension: "joy" });
    putCode(doc, "ok", code);
    const layer = readLayer(doc);
    expect(layer.codes.map((c) => c.id)).toEqual(["ok"]);
    expect(layer.invalid).toBe(1);
  });

  it("refuses to write a code outside the FAD dimensions", () => {
    expect(() => putCode(new Y.Doc(), "x", { ...code, dimension: "joy" as never })).toThrow();
  });
});
