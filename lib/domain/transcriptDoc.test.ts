import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readTurns, writeTurns } from "./transcriptDoc";

describe("transcript document", () => {
  it("reads back the turns it wrote, with timestamps and roles, through an encoded update", () => {
    const source = new Y.Doc();
    writeTurns(source, [
      { id: "t1", speaker: "Therapist", role: "therapist", start: 3.5, end: 9, text: "What shows up?" },
      { id: "t2", speaker: "Client", role: "client", start: null, end: null, text: "I'm useless." },
    ]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source));
    expect(readTurns(copy)).toEqual([
      { id: "t1", index: 0, speaker: "Therapist", role: "therapist", start: 3.5, end: 9, text: "What shows up?" },
      { id: "t2", index: 1, speaker: "Client", role: "client", start: null, end: null, text: "I'm useless." },
    ]);
  });
});
