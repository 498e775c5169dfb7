import { describe, expect, it } from "vitest";
import { logBatches } from "./yjsLog";

describe("logBatches", () => {
  it("keeps id order and caps each batch by bytes and by count", () => {
    const rows = [5, 3, 4, 1, 1, 1, 9, 2].map((bytes, i) => ({ id: i + 1, bytes }));
    expect(logBatches(rows, 8, 3)).toEqual([[1, 2], [3, 4, 5], [6], [7], [8]]);
  });

  it("gives a row larger than the cap a batch of its own instead of dropping or splitting it", () => {
    expect(logBatches([{ id: 1, bytes: 50 }, { id: 2, bytes: 1 }], 10, 100)).toEqual([[1], [2]]);
  });

  it("returns no batch for an empty log", () => {
    expect(logBatches([])).toEqual([]);
  });
});
