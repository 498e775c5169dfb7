import { describe, expect, it } from "vitest";
import { exportQuerySchema } from "./exportQuery";

describe("export query", () => {
  it("accepts each format, and a matrix with a known variable", () => {
    for (const format of ["csv", "json", "qdpx", "agreement-csv", "agreement-json"]) expect(exportQuerySchema.safeParse({ format }).success).toBe(true);
    expect(exportQuerySchema.parse({ format: "matrix", variable: "cognition.inflexible", values: "labels" })).toEqual({ format: "matrix", variable: "cognition.inflexible", values: "labels" });
    expect(exportQuerySchema.safeParse({ format: "matrix", variable: "pooled" }).success).toBe(true);
  });

  it("refuses an unknown format, a matrix without a variable, and an unknown variable", () => {
    expect(exportQuerySchema.safeParse({}).success).toBe(false);
    expect(exportQuerySchema.safeParse({ format: "xlsx" }).success).toBe(false);
    const missing = exportQuerySchema.safeParse({ format: "matrix" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(["variable"]);
    expect(exportQuerySchema.safeParse({ format: "matrix", variable: "cognition.sideways" }).success).toBe(false);
  });
});
