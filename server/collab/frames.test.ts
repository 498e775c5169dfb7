import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { FrameError, awarenessFrame, isEmptyStateVector, parseFrame, savedFrame, syncStep1Frame, syncStep2Frame, updateFrame } from "./frames";

describe("frames", () => {
  it("parses what y-websocket sends: step 1, step 2, update, awareness, awareness query", () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "hi");
    const update = Y.encodeStateAsUpdate(doc);
    expect(parseFrame(syncStep1Frame(doc))).toEqual({ type: "syncStep1", stateVector: Y.encodeStateVector(doc) });
    expect(parseFrame(syncStep2Frame(update))).toEqual({ type: "syncUpdate", update });
    expect(parseFrame(updateFrame(update))).toEqual({ type: "syncUpdate", update });
    expect(parseFrame(awarenessFrame(new Uint8Array([0])))).toEqual({ type: "awareness", update: new Uint8Array([0]) });
    expect(parseFrame(new Uint8Array([3]))).toEqual({ type: "queryAwareness" });
  });

  it("rejects truncated, unknown, over-long and trailing input with FrameError", () => {
    for (const bytes of [[], [0xff], [0x80, 0x80], [2, 0], [9], [0, 7, 0], [0, 2, 5, 1], [0, 2, 1, 1, 1], [3, 3], [1]]) {
      expect(() => parseFrame(new Uint8Array(bytes)), JSON.stringify(bytes)).toThrow(FrameError);
    }
  });

  it("writes the saved count after type 100 and recognises an empty state vector", () => {
    expect(Array.from(savedFrame(3))).toEqual([100, 3]);
    expect(isEmptyStateVector(Y.encodeStateVector(new Y.Doc()))).toBe(true);
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "x");
    expect(isEmptyStateVector(Y.encodeStateVector(doc))).toBe(false);
  });
});
