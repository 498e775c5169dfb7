import { describe, expect, it } from "vitest";
import { keepIntervals } from "./keepIntervals";
import type { AgreementView } from "./runSchema";

const result = (alpha: number, ci?: [number, number]) => ({ n_units: 20, n_coders: 13, n_pairable_units: 20, krippendorff_alpha: alpha, po: 0.9, warnings: [], ...(ci ? { ci: { krippendorff_alpha: ci } } : {}) });
const view = (runId: string, alpha: number, ci?: [number, number]) => ({ runId, variables: { pooled: result(alpha, ci) } }) as unknown as AgreementView;

describe("keepIntervals", () => {
  it("keeps a variable's interval when the same run's numbers arrive again without it", () => {
    expect(keepIntervals(view("r1", 0.76), view("r1", 0.76, [0.7, 0.81])).variables.pooled?.ci).toEqual({ krippendorff_alpha: [0.7, 0.81] });
  });

  it("drops it when a number changed, for another run, or with nothing before", () => {
    expect(keepIntervals(view("r1", 0.75), view("r1", 0.76, [0.7, 0.81])).variables.pooled?.ci).toBeUndefined();
    expect(keepIntervals(view("r2", 0.76), view("r1", 0.76, [0.7, 0.81])).variables.pooled?.ci).toBeUndefined();
    expect(keepIntervals(view("r1", 0.76), null).variables.pooled?.ci).toBeUndefined();
  });

  it("leaves an interval the new view brings", () => {
    expect(keepIntervals(view("r1", 0.76, [0.6, 0.9]), view("r1", 0.76, [0.7, 0.81])).variables.pooled?.ci).toEqual({ krippendorff_alpha: [0.6, 0.9] });
  });
});
