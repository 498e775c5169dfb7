import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SCALAR_STATISTICS, computeAgreement, type AgreementResult } from "../agreement";
import { DIMENSIONS, POLARITIES, type Dimension, type Polarity } from "./codebook";
import { activeCoders, buildFadUnits, fadVariables, selectCoders } from "./fadUnits";
import { LayerTurns } from "./layerTurns";
import { LiveFadAgreement, type LiveFadSummary } from "./liveFadAgreement";

/**
 * The live engine against the reference (issue 8): after every step of random coding by many coders —
 * codes added, edited, deleted, re-anchored to another turn, turns marked reviewed and unmarked — the
 * point estimates of every variable from the running tables equal a full fadUnits + computeAgreement
 * recomputation to 1e-9, with the same warnings, categories and prevalence. fast-check prints the seed
 * and path of any failing run.
 */

interface ModelCode {
  turnId: string;
  start: string;
  end: string;
  quote: string;
  dimension: Dimension;
  polarity: Polarity;
  at: number;
}

type Step =
  | { kind: "add" | "edit" | "reanchor" | "delete"; coder: number; turn: number; pick: number; dimension: Dimension; polarity: Polarity }
  | { kind: "review" | "unreview"; coder: number; turn: number };

const stepArb = (coders: number, turns: number): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constantFrom("add" as const, "add" as const, "edit" as const, "reanchor" as const, "delete" as const),
        coder: fc.nat(coders - 1),
        // One past the last unit: a turn that is not a unit (its codes are left out, as fadUnits leaves them out).
        turn: fc.nat(turns),
        pick: fc.nat(),
        dimension: fc.constantFrom(...DIMENSIONS),
        polarity: fc.constantFrom(...POLARITIES),
      }),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom("review" as const, "review" as const, "unreview" as const), coder: fc.nat(coders - 1), turn: fc.nat(turns - 1) }) },
  );

class Harness {
  readonly turnIds: string[];
  readonly coderIds: string[];
  readonly codes: Map<string, ModelCode>[];
  readonly reviewed: Set<string>[];
  readonly layers: LayerTurns[];
  readonly live: LiveFadAgreement;
  private nextId = 0;

  constructor(coders: number, turns: number) {
    this.turnIds = Array.from({ length: turns }, (_, i) => `t${i}`);
    // Ids that do not sort like their indices, so coder order is tested too.
    this.coderIds = Array.from({ length: coders }, (_, i) => `c${(i * 7919) % 1000}-${i}`);
    this.codes = this.coderIds.map(() => new Map());
    this.reviewed = this.coderIds.map(() => new Set());
    this.layers = this.coderIds.map(() => new LayerTurns());
    this.live = new LiveFadAgreement(this.turnIds);
  }

  private turnId(turn: number): string {
    return turn < this.turnIds.length ? this.turnIds[turn]! : "not-a-unit";
  }

  apply(step: Step): void {
    const c = step.coder;
    const codes = this.codes[c]!;
    let touched: string[] = [];
    const existing = [...codes.keys()];
    const picked = "pick" in step && existing.length > 0 ? existing[step.pick % existing.length]! : null;
    const write = (id: string, code: ModelCode | undefined) => {
      if (code) codes.set(id, code);
      else codes.delete(id);
      touched.push(...this.layers[c]!.setCode(id, code));
    };
    switch (step.kind) {
      case "add":
        write(`k${this.nextId++}`, { turnId: this.turnId(step.turn), start: "AA==", end: "AA==", quote: "", dimension: step.dimension, polarity: step.polarity, at: this.nextId });
        break;
      case "edit":
        if (picked) write(picked, { ...codes.get(picked)!, dimension: step.dimension, polarity: step.polarity });
        break;
      case "reanchor":
        if (picked) write(picked, { ...codes.get(picked)!, turnId: this.turnId(step.turn) });
        break;
      case "delete":
        if (picked) write(picked, undefined);
        break;
      case "review":
      case "unreview": {
        const id = this.turnId(step.turn);
        if (step.kind === "review") this.reviewed[c]!.add(id);
        else this.reviewed[c]!.delete(id);
        touched = this.layers[c]!.setReviewed(id, step.kind === "review" ? true : undefined);
        break;
      }
    }
    const layer = this.layers[c]!;
    this.live.setTurnMasks(
      this.coderIds[c]!,
      touched.map((turnId) => [turnId, layer.mask(turnId)] as const),
    );
  }

  /** The reference: the worker's path (fadUnits over the active coders, computeAgreement per variable), without bootstrap. */
  reference(): LiveFadSummary {
    const layers = this.coderIds
      .map((coderId, c) => ({ coderId, codes: [...this.codes[c]!.values()], reviewed: [...this.reviewed[c]!] }))
      .sort((a, b) => (a.coderId < b.coderId ? -1 : 1));
    const all = buildFadUnits(this.turnIds, layers);
    const coders = activeCoders(all);
    const out: LiveFadSummary = { coders, variables: {}, variableInfo: {}, pooledOmitted: false };
    if (coders.length < 2) return out;
    for (const v of fadVariables(selectCoders(all, coders))) {
      out.variables[v.name] = computeAgreement(v.input);
      out.variableInfo[v.name] = { kind: v.kind, categories: [...(v.input.categories ?? [])], prevalence: v.prevalence };
    }
    return out;
  }
}

function expectSameResult(live: AgreementResult, full: AgreementResult, where: string): void {
  expect(Object.keys(live).sort(), where).toEqual(Object.keys(full).sort());
  expect([live.n_units, live.n_coders, live.n_pairable_units], where).toEqual([full.n_units, full.n_coders, full.n_pairable_units]);
  for (const key of SCALAR_STATISTICS) {
    if (full[key] === undefined) continue;
    expect(Math.abs(live[key]! - full[key]!), `${where} ${key}: live ${live[key]} vs full ${full[key]}`).toBeLessThanOrEqual(1e-9);
  }
  for (const [category, v] of Object.entries(full.fleiss_kappa_by_category ?? {})) {
    const w = live.fleiss_kappa_by_category?.[category];
    if (v === null) expect(w, where).toBeNull();
    else expect(Math.abs(w! - v), `${where} fleiss ${category}`).toBeLessThanOrEqual(1e-9);
  }
  expect(live.warnings, where).toEqual(full.warnings);
}

function expectSameSummary(live: LiveFadSummary, full: LiveFadSummary, step: number): void {
  expect(live.coders, `step ${step}: coders`).toEqual(full.coders);
  expect(Object.keys(live.variables), `step ${step}: variables`).toEqual(Object.keys(full.variables));
  for (const [name, result] of Object.entries(full.variables)) {
    expectSameResult(live.variables[name]!, result, `step ${step} ${name}`);
    const info = live.variableInfo[name]!;
    expect(info.categories, `step ${step} ${name} categories`).toEqual(full.variableInfo[name]!.categories);
    for (const [category, share] of Object.entries(full.variableInfo[name]!.prevalence)) {
      expect(Math.abs(info.prevalence[category]! - share), `step ${step} ${name} prevalence ${category}`).toBeLessThanOrEqual(1e-12);
    }
  }
}

function run(coders: number, turns: number, steps: Step[]): void {
  const h = new Harness(coders, turns);
  steps.forEach((step, i) => {
    h.apply(step);
    expectSameSummary(h.live.summary(), h.reference(), i);
  });
}

describe("live FAD agreement from running tables (fast-check, seeded; the seed is printed on failure)", () => {
  it("equals a full recomputation after every step while 30 coders add, edit, delete, re-anchor codes and mark turns reviewed", () => {
    fc.assert(
      fc.property(fc.array(stepArb(30, 20), { minLength: 150, maxLength: 250 }), (steps) => run(30, 20, steps)),
      { seed: 20261204, numRuns: 3, endOnFailure: true },
    );
  }, 120_000);

  it("equals a full recomputation for two and three coders, where κ, π, PABAK and (with complete data) Fleiss' κ apply", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }), fc.array(stepArb(3, 5), { minLength: 20, maxLength: 80 }), (coders, steps) =>
        run(
          coders,
          5,
          steps.filter((s) => s.coder < coders),
        ),
      ),
      { seed: 1204, numRuns: 30, endOnFailure: true },
    );
  }, 120_000);
});
