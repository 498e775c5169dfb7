import { LiveVariable, type AgreementResult } from "../agreement";
import type { VariableInfo, VariableKind } from "../agreement/runSchema";
import { DIMENSIONS } from "./codebook";
import { FAD_CODES, maskDistance, maskLabel } from "./fadDistance";
import { DIMENSION_VALUES, MAX_POOLED_CATEGORIES, MISSING_MASK, POOLED_VARIABLE, comparePooledMasks } from "./fadUnits";

/**
 * The FAD variables of ./fadUnits kept live (issue 8): one lib/agreement LiveVariable per variable, fed a
 * coder's new code set on the turns a change touched. Equal, to rounding, to running fadVariables +
 * computeAgreement over the active coders (without bootstrap) — the property test checks it after every
 * step of random coding. Units are the exercise's unit turns, in order; a change on any other turn is
 * ignored here, as buildFadUnits leaves such codes out.
 */

interface Tracked {
  name: string;
  kind: VariableKind;
  live: LiveVariable;
  value: (mask: number) => number;
}

export interface LiveFadSummary {
  /** Coders who have looked at a unit, in id order. */
  coders: string[];
  /** variable → point estimates (CONTRACTS §6 without ci); empty with fewer than two coders. */
  variables: Record<string, AgreementResult>;
  variableInfo: Record<string, VariableInfo>;
  /** The pooled variable was left out: more distinct code sets than MAX_POOLED_CATEGORIES. */
  pooledOmitted: boolean;
}

export class LiveFadAgreement {
  private readonly index: ReadonlyMap<string, number>;
  private readonly masks = new Map<string, Int16Array>();
  private readonly tracked: Tracked[] = [];

  constructor(readonly units: readonly string[]) {
    this.index = new Map(units.map((id, u) => [id, u]));
    const n = units.length;
    FAD_CODES.forEach((code, bit) => {
      this.tracked.push({ name: code, kind: "presence", live: new LiveVariable(n, { categories: { kind: "fixed", labels: [0, 1] } }), value: (mask) => (mask >> bit) & 1 });
    });
    DIMENSIONS.forEach((dimension, d) => {
      this.tracked.push({
        name: dimension,
        kind: "dimension",
        live: new LiveVariable(n, { categories: { kind: "fixed", labels: DIMENSION_VALUES } }),
        value: (mask) => (mask >> (2 * d)) & 3,
      });
    });
    this.tracked.push({
      name: POOLED_VARIABLE,
      kind: "pooled",
      live: new LiveVariable(n, {
        categories: { kind: "dynamic", keySpace: 1 << FAD_CODES.length, label: maskLabel, compare: comparePooledMasks, always: [0] },
        distance: maskDistance,
      }),
      value: (mask) => mask,
    });
  }

  /** Whether a turn is a unit here. */
  isUnit(turnId: string): boolean {
    return this.index.has(turnId);
  }

  /** The coder's code set on a unit turn as ./fadUnits masks it (MISSING_MASK when not looked at). */
  mask(coderId: string, turnId: string): number {
    const u = this.index.get(turnId);
    return u === undefined ? MISSING_MASK : (this.masks.get(coderId)?.[u] ?? MISSING_MASK);
  }

  /**
   * The coder's values on these turns are now these masks (./fadUnits turnMask). Work: O(coders) per
   * changed unit and variable. Returns how many units changed.
   */
  setTurnMasks(coderId: string, changes: Iterable<readonly [turnId: string, mask: number]>): number {
    let column = this.masks.get(coderId);
    let changed = 0;
    for (const [turnId, mask] of changes) {
      const u = this.index.get(turnId);
      if (u === undefined) continue;
      if (!column) {
        column = new Int16Array(this.units.length).fill(MISSING_MASK);
        this.masks.set(coderId, column);
      }
      if (column[u] === mask) continue;
      column[u] = mask;
      changed++;
      for (const t of this.tracked) t.live.set(coderId, u, mask === MISSING_MASK ? null : t.value(mask));
    }
    return changed;
  }

  /** Drops a coder's values (their layer is gone). */
  removeCoder(coderId: string): void {
    const column = this.masks.get(coderId);
    if (!column) return;
    this.setTurnMasks(
      coderId,
      this.units.map((turnId) => [turnId, MISSING_MASK] as const),
    );
  }

  activeCoders(): string[] {
    return this.tracked[0]!.live.activeCoders();
  }

  /** Point estimates of every variable from the running tables (no pass over the units but a 2-coder κ table). */
  summary(): LiveFadSummary {
    const coders = this.activeCoders();
    const variables: Record<string, AgreementResult> = {};
    const variableInfo: Record<string, VariableInfo> = {};
    let pooledOmitted = false;
    if (coders.length < 2) return { coders, variables, variableInfo, pooledOmitted };
    for (const t of this.tracked) {
      const keys = t.live.categoryKeys();
      if (t.kind === "pooled" && keys.length > MAX_POOLED_CATEGORIES) {
        pooledOmitted = true;
        continue;
      }
      variables[t.name] = t.live.result(keys);
      variableInfo[t.name] = { kind: t.kind, categories: t.live.categoryLabels(keys), prevalence: t.live.prevalence(keys) };
    }
    return { coders, variables, variableInfo, pooledOmitted };
  }
}
