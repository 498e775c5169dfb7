import { categoryIndex, resolveCategories } from "./categories";
import type { Category } from "./types";

/**
 * Coded units in the one shape every coefficient reads: category indices instead of raw values,
 * so later code never compares strings or re-checks membership.
 */
export interface ReliabilityData {
  readonly coders: readonly string[];
  readonly categories: readonly Category[];
  readonly nUnits: number;
  /** Unit-major: values[u * coders.length + c] is the category index, or -1 when not coded. */
  readonly values: Int32Array;
}

export const MISSING = -1;

function* allValues(data: Readonly<Record<string, readonly (Category | null)[]>>): Generator<Category | null> {
  for (const column of Object.values(data)) yield* column;
}

/**
 * Throws RangeError on shapes the zod schema would have rejected; callers at a boundary should
 * validate first (schema.ts) to get friendlier messages.
 */
export function buildReliabilityData(
  data: Readonly<Record<string, readonly (Category | null)[]>>,
  declaredCategories?: readonly Category[],
): ReliabilityData {
  const coders = Object.keys(data);
  const nCoders = coders.length;
  const nUnits = nCoders === 0 ? 0 : (data[coders[0]!]?.length ?? 0);
  const categories = resolveCategories(declaredCategories, allValues(data));
  const index = categoryIndex(categories);
  const values = new Int32Array(nUnits * nCoders).fill(MISSING);
  coders.forEach((coder, c) => {
    const column = data[coder] ?? [];
    if (column.length !== nUnits) {
      throw new RangeError(`coder ${JSON.stringify(coder)} has ${column.length} values, expected ${nUnits}`);
    }
    for (let u = 0; u < nUnits; u++) {
      const v = column[u];
      if (v === null || v === undefined) continue;
      const k = index.get(v);
      if (k === undefined) throw new RangeError(`value ${JSON.stringify(v)} of coder ${JSON.stringify(coder)} is not a declared category`);
      values[u * nCoders + c] = k;
    }
  });
  return { coders, categories, nUnits, values };
}

export function hasMissingValues(rd: ReliabilityData): boolean {
  return rd.values.includes(MISSING);
}
