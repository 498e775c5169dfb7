import type { AgreementInput, Category } from "../agreement";
import { DIMENSIONS, type Dimension, type Polarity } from "./codebook";
import { FAD_CODES, codeSetMask, fadCode, maskCodes, maskDistance, maskLabel, type FadCode } from "./fadDistance";

/**
 * FAD codes → reliability data (unit × coder) for lib/agreement.
 *
 * Units are the transcript's turns, in transcript order (PRODUCT: agreement is computed per turn).
 *
 * Missing vs absent. A coder's value for a turn is *missing* (null) until the coder has looked at the
 * turn, and *absent* (0 / "none") once they have looked and coded nothing there. "Looked at" means the
 * turn is in the layer's `reviewed` map **or** the coder put at least one code on it: coding a turn
 * implies reading it, and a coder who codes as they go but forgets to tick "reviewed" should not have
 * their codes thrown away. A turn neither reviewed nor coded says nothing about the coder's judgement,
 * so it is left out of that coder's data rather than counted as "no process here" — otherwise
 * half-finished layers would look like strong agreement on absence.
 *
 * Units are the turns given (lib/domain/agreementUnits decides which: client turns by default). Codes
 * on a turn id the transcript no longer has are dropped and counted per coder (`strayCodes`); codes on
 * the transcript's other turns (`nonUnitTurnIds`, e.g. therapist turns) are dropped and counted apart
 * (`offUnitCodes`), and marking such a turn reviewed says nothing.
 *
 * Variables (all nominal, categories declared so unused ones still count):
 * - `<dimension>.<polarity>` (12): presence of that code on the turn, 1 / 0 / null.
 * - `<dimension>` (6): one nominal variable over {none, flexible, inflexible, both}.
 * - `pooled` (1): the coder's whole code set on the turn as one category, with the form-aware set
 *   distance of ./fadDistance as α's disagreement matrix (same dimension, opposite pole < another
 *   dimension). See fadDistance.ts for how multi-code turns are handled and why.
 */

export interface LayerCode {
  turnId: string;
  dimension: Dimension;
  polarity: Polarity;
}

export interface CoderLayer {
  coderId: string;
  codes: readonly LayerCode[];
  reviewed: readonly string[];
}

export interface FadUnitData {
  /** Turn ids, in transcript order: unit u is turn units[u]. */
  units: string[];
  /** Coder ids in the order given. */
  coders: string[];
  /**
   * coder → per unit: the coder's code set on the turn as a 12-bit mask (bit i = FAD_CODES[i], see
   * ./fadDistance), or −1 where the coder has not looked at the turn (missing).
   */
  masks: Record<string, Int16Array>;
  /** coder → codes whose turn is not in the transcript (dropped). */
  strayCodes: Record<string, number>;
  /** coder → codes on turns of the transcript that are not units (e.g. therapist turns; dropped). */
  offUnitCodes: Record<string, number>;
}

export const MISSING_MASK = -1;

/** A coder's code sets per unit, in codebook order; null where missing. */
export function codeSets(data: FadUnitData, coder: string): (FadCode[] | null)[] {
  return Array.from(data.masks[coder] ?? [], (mask) => (mask === MISSING_MASK ? null : maskCodes(mask)));
}

export const DIMENSION_VALUES = ["none", "flexible", "inflexible", "both"] as const;
export type DimensionValue = (typeof DIMENSION_VALUES)[number];

export const POOLED_VARIABLE = "pooled";

/** Above this many distinct code sets the pooled matrix (K² per bootstrap replicate) is not worth it. */
export const MAX_POOLED_CATEGORIES = 400;

export type FadVariableKind = "presence" | "dimension" | "pooled";

export interface FadVariable {
  name: string;
  kind: FadVariableKind;
  /** computeAgreement input without bootstrap (the caller adds its settings). */
  input: AgreementInput;
  /** category → share of all non-missing values, over all coders and units. */
  prevalence: Record<string, number>;
}

export function buildFadUnits(turnIds: readonly string[], layers: readonly CoderLayer[], nonUnitTurnIds: ReadonlySet<string> = new Set()): FadUnitData {
  const index = new Map(turnIds.map((id, u) => [id, u]));
  const masks: FadUnitData["masks"] = {};
  const strayCodes: FadUnitData["strayCodes"] = {};
  const offUnitCodes: FadUnitData["offUnitCodes"] = {};
  for (const layer of layers) {
    const column = new Int16Array(turnIds.length).fill(MISSING_MASK);
    let stray = 0;
    let offUnit = 0;
    for (const turnId of layer.reviewed) {
      const u = index.get(turnId);
      if (u !== undefined) column[u] = 0;
    }
    for (const code of layer.codes) {
      const u = index.get(code.turnId);
      if (u === undefined) {
        if (nonUnitTurnIds.has(code.turnId)) offUnit++;
        else stray++;
        continue;
      }
      column[u] = Math.max(column[u]!, 0) | codeMask(code);
    }
    masks[layer.coderId] = column;
    strayCodes[layer.coderId] = stray;
    offUnitCodes[layer.coderId] = offUnit;
  }
  return { units: [...turnIds], coders: layers.map((l) => l.coderId), masks, strayCodes, offUnitCodes };
}

/** One code's bit in a turn's mask. */
export function codeMask(code: Pick<LayerCode, "dimension" | "polarity">): number {
  return codeSetMask([fadCode(code.dimension, code.polarity)]);
}

/**
 * A coder's value on one turn, the rule buildFadUnits applies to every turn: missing unless looked at
 * (reviewed, or coded), else the set of codes on it as a mask. The live engine uses it per touched turn.
 */
export function turnMask(reviewed: boolean, codes: Iterable<Pick<LayerCode, "dimension" | "polarity">>): number {
  let mask = reviewed ? 0 : MISSING_MASK;
  for (const code of codes) mask = Math.max(mask, 0) | codeMask(code);
  return mask;
}

export function dimensionValue(codes: readonly FadCode[], dimension: Dimension): DimensionValue {
  return dimensionValueOfMask(codeSetMask(codes), DIMENSIONS.indexOf(dimension));
}

export function dimensionValueOfMask(mask: number, dimensionIndex: number): DimensionValue {
  return DIMENSION_VALUES[(mask >> (2 * dimensionIndex)) & 3]!;
}

/** Keeps only the given coders (in that order); every variable then describes exactly them. */
export function selectCoders(data: FadUnitData, coders: readonly string[]): FadUnitData {
  const masks: FadUnitData["masks"] = {};
  const strayCodes: FadUnitData["strayCodes"] = {};
  const offUnitCodes: FadUnitData["offUnitCodes"] = {};
  for (const coder of coders) {
    const column = data.masks[coder];
    if (!column) throw new RangeError(`unknown coder ${coder}`);
    masks[coder] = column;
    strayCodes[coder] = data.strayCodes[coder] ?? 0;
    offUnitCodes[coder] = data.offUnitCodes[coder] ?? 0;
  }
  return { units: data.units, coders: [...coders], masks, strayCodes, offUnitCodes };
}

/** Coders who have looked at one turn or more: the others carry no data at all. */
export function activeCoders(data: FadUnitData): string[] {
  return data.coders.filter((c) => data.masks[c]!.some((v) => v !== MISSING_MASK));
}

function prevalenceOf(columns: readonly (readonly (Category | null)[])[], categories: readonly Category[]): Record<string, number> {
  const counts = new Map<Category, number>(categories.map((c) => [c, 0]));
  let total = 0;
  for (const column of columns) {
    for (const v of column) {
      if (v === null) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      total++;
    }
  }
  const out: Record<string, number> = {};
  for (const [c, n] of counts) out[String(c)] = total === 0 ? 0 : n / total;
  return out;
}

function variable(name: string, kind: FadVariableKind, data: FadUnitData, value: (mask: number) => Category, categories: readonly Category[], weights?: number[][]): FadVariable {
  const columns: Record<string, (Category | null)[]> = {};
  for (const coder of data.coders) columns[coder] = Array.from(data.masks[coder]!, (mask) => (mask === MISSING_MASK ? null : value(mask)));
  return {
    name,
    kind,
    input: { level: "nominal", categories: [...categories], ...(weights ? { weights } : {}), data: columns },
    prevalence: prevalenceOf(Object.values(columns), categories),
  };
}

const maskBits = (mask: number): number[] => FAD_CODES.flatMap((_, i) => ((mask >> i) & 1 ? [i] : []));

/** The pooled variable's category order: "none" first, then by size and codebook order. */
export function comparePooledMasks(a: number, b: number): number {
  const ka = maskBits(a);
  const kb = maskBits(b);
  if (ka.length !== kb.length) return ka.length - kb.length;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
  return 0;
}

/** The code sets the coders used (as masks), "none" first, then by size and codebook order. */
function pooledMasks(data: FadUnitData): number[] {
  const used = new Set<number>([0]);
  for (const coder of data.coders) for (const mask of data.masks[coder]!) if (mask !== MISSING_MASK) used.add(mask);
  return [...used].sort(comparePooledMasks);
}

/** Labels of the code sets the coders used, "none" first, then by size and codebook order. */
export function pooledCategories(data: FadUnitData): string[] {
  return pooledMasks(data).map(maskLabel);
}

const ALL_KINDS: readonly FadVariableKind[] = ["presence", "dimension", "pooled"];

/**
 * The 19 variables (12 presence, 6 dimension, pooled) in that order, or those of the given kinds; pooled
 * is left out above MAX_POOLED_CATEGORIES.
 */
export function fadVariables(data: FadUnitData, kinds: readonly FadVariableKind[] = ALL_KINDS): FadVariable[] {
  const out: FadVariable[] = [];
  if (kinds.includes("presence")) {
    FAD_CODES.forEach((code, bit) => {
      out.push(variable(code, "presence", data, (mask) => (mask >> bit) & 1, [0, 1]));
    });
  }
  if (kinds.includes("dimension")) {
    DIMENSIONS.forEach((dimension, d) => {
      out.push(variable(dimension, "dimension", data, (mask) => dimensionValueOfMask(mask, d), DIMENSION_VALUES));
    });
  }
  const masks = kinds.includes("pooled") ? pooledMasks(data) : [];
  if (kinds.includes("pooled") && masks.length <= MAX_POOLED_CATEGORIES) {
    const weights = masks.map((a) => masks.map((b) => maskDistance(a, b)));
    out.push(variable(POOLED_VARIABLE, "pooled", data, maskLabel, masks.map(maskLabel), weights));
  }
  return out;
}

/** The variable names fadVariables can produce, in its order. */
export const FAD_VARIABLE_NAMES: readonly string[] = [...FAD_CODES, ...DIMENSIONS, POOLED_VARIABLE];
