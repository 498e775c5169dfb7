import { describe, expect, it } from "vitest";
import { computeAgreement } from "../agreement";
import { codeSetDistance } from "./fadDistance";
import { FAD_VARIABLE_NAMES, POOLED_VARIABLE, activeCoders, buildFadUnits, codeSets, dimensionValue, fadVariables, selectCoders, type CoderLayer } from "./fadUnits";

const turns = ["t1", "t2", "t3", "t4"];

function layer(coderId: string, codes: Array<[string, string, string]>, reviewed: string[] = []): CoderLayer {
  return {
    coderId,
    codes: codes.map(([turnId, dimension, polarity]) => ({ turnId, dimension, polarity }) as CoderLayer["codes"][number]),
    reviewed,
  };
}

function variable(name: string, layers: CoderLayer[]) {
  const v = fadVariables(buildFadUnits(turns, layers)).find((x) => x.name === name);
  if (!v) throw new Error(`no variable ${name}`);
  return v;
}

describe("FAD units", () => {
  it("treats a turn the coder has neither reviewed nor coded as missing (null), and a reviewed turn without codes as absent (0)", () => {
    const a = layer("a", [["t1", "cognition", "inflexible"]], ["t2"]);
    const v = variable("cognition.inflexible", [a]);
    expect(v.input.data.a).toEqual([1, 0, null, null]);
  });

  it("counts a turn the coder coded but did not mark reviewed as reviewed (coding implies reading)", () => {
    const a = layer("a", [["t3", "self", "flexible"]]);
    expect(variable("self.flexible", [a]).input.data.a).toEqual([null, null, 1, null]);
    expect(variable("emotion.inflexible", [a]).input.data.a).toEqual([null, null, 0, null]);
  });

  it("orders units as the transcript's turns and drops (but counts) codes on turns the transcript no longer has", () => {
    const data = buildFadUnits(turns, [layer("a", [["t4", "emotion", "flexible"], ["gone", "emotion", "flexible"]])]);
    expect(data.units).toEqual(turns);
    expect(data.strayCodes.a).toBe(1);
    expect(codeSets(data, "a")).toEqual([null, null, null, ["emotion.flexible"]]);
  });

  it("builds the 19 variables: 12 presence, 6 four-valued dimensions, pooled — with declared categories", () => {
    const vars = fadVariables(buildFadUnits(turns, [layer("a", [], turns), layer("b", [], turns)]));
    expect(vars.map((v) => v.name)).toEqual(FAD_VARIABLE_NAMES);
    expect(vars.filter((v) => v.kind === "presence").every((v) => v.input.categories?.join() === "0,1")).toBe(true);
    expect(vars.filter((v) => v.kind === "dimension").map((v) => v.input.categories)).toEqual(Array(6).fill(["none", "flexible", "inflexible", "both"]));
  });

  it("codes each dimension as none / flexible / inflexible / both, so flexible and inflexible on one turn is 'both'", () => {
    const a = layer(
      "a",
      [
        ["t1", "self", "flexible"],
        ["t2", "self", "inflexible"],
        ["t3", "self", "flexible"],
        ["t3", "self", "inflexible"],
        ["t4", "cognition", "inflexible"],
      ],
      turns,
    );
    expect(variable("self", [a]).input.data.a).toEqual(["flexible", "inflexible", "both", "none"]);
    expect(dimensionValue(["self.flexible", "self.inflexible"], "self")).toBe("both");
    expect(dimensionValue([], "emotion")).toBe("none");
  });

  it("gives the pooled variable one category per code set with the form-aware distance as weights", () => {
    const a = layer("a", [["t1", "cognition", "inflexible"], ["t2", "self", "inflexible"], ["t2", "cognition", "inflexible"]], turns);
    const b = layer("b", [["t1", "cognition", "flexible"], ["t2", "self", "inflexible"]], turns);
    const v = variable(POOLED_VARIABLE, [a, b]);
    const categories = v.input.categories as string[];
    expect(categories[0]).toBe("none");
    expect(v.input.data.a).toEqual(["cognition.inflexible", "cognition.inflexible+self.inflexible", "none", "none"]);
    expect(v.input.data.b).toEqual(["cognition.flexible", "self.inflexible", "none", "none"]);
    const weights = v.input.weights!;
    const at = (x: string, y: string) => weights[categories.indexOf(x)]![categories.indexOf(y)]!;
    expect(at("cognition.inflexible", "cognition.flexible")).toBe(0.5);
    expect(at("cognition.inflexible+self.inflexible", "self.inflexible")).toBe(codeSetDistance(["cognition.inflexible", "self.inflexible"], ["self.inflexible"]));
    expect(v.prevalence.none).toBeCloseTo(4 / 8);
  });

  it("scores an opposite-pole disagreement as better pooled agreement than an other-dimension one", () => {
    // Same data except turn 1: b codes cognition's other pole vs another dimension entirely.
    const base: Array<[string, string, string]> = [
      ["t2", "self", "inflexible"],
      ["t3", "emotion", "flexible"],
    ];
    const a = layer("a", [["t1", "cognition", "inflexible"], ...base], turns);
    const opposite = layer("b", [["t1", "cognition", "flexible"], ...base], turns);
    const other = layer("b", [["t1", "attention", "inflexible"], ...base], turns);
    const alpha = (b: CoderLayer) => computeAgreement(variable(POOLED_VARIABLE, [a, b]).input).krippendorff_alpha!;
    expect(alpha(opposite)).toBeGreaterThan(alpha(other));
  });

  it("leaves out coders who have looked at nothing, and selects coder pairs without changing their data", () => {
    const data = buildFadUnits(turns, [layer("a", [], ["t1"]), layer("idle", []), layer("b", [["t2", "self", "flexible"]])]);
    expect(activeCoders(data)).toEqual(["a", "b"]);
    const pair = selectCoders(data, ["b", "a"]);
    expect(pair.coders).toEqual(["b", "a"]);
    expect(codeSets(pair, "b")).toEqual(codeSets(data, "b"));
  });
});
