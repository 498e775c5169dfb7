import type { Category } from "./types";

/**
 * Category order matters for ordinal/interval statistics and for stable output, so inferred
 * categories are sorted: numbers numerically, strings by code unit (locale-independent, so the same
 * input gives the same order on every machine). Numbers sort before strings should both ever meet.
 */
export function compareCategories(a: Category, b: Category): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct non-missing values, sorted. */
export function inferCategories(values: Iterable<Category | null>): Category[] {
  const seen = new Set<Category>();
  for (const v of values) if (v !== null) seen.add(v);
  return [...seen].sort(compareCategories);
}

/** A declared category set wins (unused categories still count); otherwise infer from the data. */
export function resolveCategories(
  declared: readonly Category[] | undefined,
  values: Iterable<Category | null>,
): Category[] {
  return declared ? [...declared] : inferCategories(values);
}

/** JSON object keys for per-category output. */
export function categoryKey(category: Category): string {
  return String(category);
}

export function categoryIndex(categories: readonly Category[]): Map<Category, number> {
  const index = new Map<Category, number>();
  categories.forEach((c, i) => {
    if (index.has(c)) throw new RangeError(`category ${JSON.stringify(c)} is listed twice`);
    index.set(c, i);
  });
  return index;
}
