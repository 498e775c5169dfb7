import { describe, expect, it } from "vitest";
import { parseAgreementRequest } from "./schema";

const ok = { level: "nominal", data: { a: [1, 2, null], b: [1, 2, 2] } };

function error(raw: unknown): string {
  const parsed = parseAgreementRequest(raw);
  if (parsed.ok) throw new Error("expected a rejection");
  expect(parsed.error).not.toMatch(/\n/);
  return parsed.error;
}

describe("input schemas", () => {
  it("accepts coded units and fills bootstrap defaults", () => {
    const parsed = parseAgreementRequest({ ...ok, bootstrap: {} });
    expect(parsed).toMatchObject({ ok: true, kind: "coded", input: { bootstrap: { replicates: 1000, seed: 1 } } });
  });

  it("accepts unitized spans", () => {
    const parsed = parseAgreementRequest({ unitizing: { begin: 0, length: 100, data: { a: [[0, 10, "x"]], b: [[5, 10, "x"]] } } });
    expect(parsed).toMatchObject({ ok: true, kind: "unitizing" });
  });

  it.each([
    [{ ...ok, data: { a: [1, 2], b: [1, 2, 3] } }, /data\.b: has 3 values but "a" has 2/],
    [{ ...ok, data: { a: [1, 2] } }, /data: needs at least two coders/],
    [{ ...ok, level: "nominalish" }, /level must be "nominal"/],
    [{ ...ok, data: { a: [1, "x"], b: [1, 2] } }, /mixes numbers and strings/],
    [{ ...ok, data: { a: [1, true], b: [1, 2] } }, /data\.a\.1: each value must be a string, a finite number, or null/],
    [{ ...ok, data: { a: [1, Infinity], b: [1, 2] } }, /data\.a\.1/],
    [{ ...ok, data: { a: [1, ""], b: [1, 2] } }, /use null for a missing value/],
    [{ ...ok, categories: [1, 2] , data: { a: [1, 3], b: [1, 2] } }, /data\.a\.1: value 3 is not in the declared categories/],
    [{ ...ok, categories: [1, 1] }, /categories\.1: category 1 is listed twice/],
    [{ ...ok, weights: [[0, 1], [1, 0]] }, /weights: need a declared categories list/],
    [{ ...ok, categories: [1, 2], weights: [[0, 1]] }, /weights: must be 2×2/],
    [{ ...ok, categories: [1, 2], weights: [[0, 1], [1]] }, /weights\.1: must have 2 entries/],
    [{ ...ok, categories: [1, 2], weights: [[0, 1], [1, 2]] }, /weights\.1\.1: the diagonal must be 0/],
    [{ ...ok, categories: [1, 2], weights: [[0, -1], [1, 0]] }, /weights\.0\.1: disagreement weights must be ≥ 0/],
    [{ ...ok, level: "interval", data: { a: ["x"], b: ["y"] } }, /interval level needs numeric values/],
    [{ ...ok, level: "ratio", data: { a: [-1, 2], b: [1, 2] } }, /ratio level needs values ≥ 0/],
    [{ ...ok, bootstrap: { replicates: 0 } }, /replicates must be at least 1/],
    [{ ...ok, extra: 1 }, /input: Unrecognized key/i],
    [[1, 2], /input: expected a JSON object/],
    [{ unitizing: { begin: 0, length: 10, data: { a: [[0, 20, "x"]], b: [] } } }, /unitizing\.data\.a\.0: span \[0, 20\) lies outside/],
    [{ unitizing: { begin: 0, length: 10, data: { a: [[0, 5, "x"], [3, 2, "x"]], b: [] } } }, /overlaps another span of category "x"/],
    [{ unitizing: { begin: 0, length: 10, data: { a: [[0, 0, "x"]], b: [] } } }, /span length must be > 0/],
    [{ unitizing: { begin: 0, length: 10.5, data: { a: [], b: [] } } }, /length must be a whole number/],
    [{ unitizing: { begin: 0, length: 10, data: { a: [[0, 1]], b: [] } } }, /unitizing\.data\.a\.0/],
  ])("rejects %j with a message naming the problem", (raw, message) => {
    expect(error(raw)).toMatch(message);
  });
});
