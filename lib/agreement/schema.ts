import { z } from "zod";
import type { AgreementInput, Category, UnitizingInput } from "./types";

/**
 * Boundary validation for both CONTRACTS §6 inputs. Shape errors come from zod; the cross-field
 * rules (equal lengths, declared categories, square weights, non-overlapping spans) live in
 * superRefine so every message names the offending path.
 */

export const MAX_CATEGORIES = 1000;

const categorySchema = z.union([z.string().min(1, "an empty string is not a category; use null for a missing value"), z.number()], {
  error: "a category must be a non-empty string or a finite number",
});

const valueSchema = z.union([z.string().min(1, "an empty string is not a code; use null for a missing value"), z.number(), z.null()], {
  error: "each value must be a string, a finite number, or null (not coded)",
});

const bootstrapSchema = z
  .object({
    replicates: z.number().int("replicates must be a whole number").min(1, "replicates must be at least 1").max(100_000, "replicates must be at most 100000").default(1000),
    seed: z.number().int("seed must be a whole number").default(1),
  })
  .strict();

function typeOfValues(values: Iterable<Category | null>): Set<string> {
  const types = new Set<string>();
  for (const v of values) if (v !== null) types.add(typeof v);
  return types;
}

export const agreementInputSchema = z
  .object({
    level: z.enum(["nominal", "ordinal", "interval", "ratio"], { error: 'level must be "nominal", "ordinal", "interval" or "ratio"' }),
    categories: z.array(categorySchema).min(1, "categories, when given, must list at least one category").optional(),
    weights: z.array(z.array(z.number().min(0, "disagreement weights must be ≥ 0"))).optional(),
    data: z.record(z.string().min(1, "coder names must be non-empty"), z.array(valueSchema)),
    bootstrap: bootstrapSchema.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: "custom", path, message });
    };
    const coders = Object.keys(input.data);
    if (coders.length < 2) return issue(["data"], `needs at least two coders, got ${coders.length}`);
    const first = coders[0]!;
    const nUnits = input.data[first]!.length;
    if (nUnits === 0) return issue(["data", first], "needs at least one unit");
    for (const coder of coders.slice(1)) {
      const n = input.data[coder]!.length;
      if (n !== nUnits) {
        return issue(["data", coder], `has ${n} values but "${first}" has ${nUnits}; every coder needs one value (or null) per unit`);
      }
    }

    const allValues = coders.flatMap((c) => input.data[c]!);
    const types = typeOfValues([...allValues, ...(input.categories ?? [])]);
    if (types.size > 1) return issue(["data"], "mixes numbers and strings; use one type for all codes and categories");
    if ((input.level === "interval" || input.level === "ratio") && types.has("string")) {
      return issue(["data"], `${input.level} level needs numeric values`);
    }
    if (input.level === "ratio" && [...allValues, ...(input.categories ?? [])].some((v) => typeof v === "number" && v < 0)) {
      return issue(["data"], "ratio level needs values ≥ 0");
    }

    const declared = input.categories;
    if (declared) {
      const seen = new Set<Category>();
      for (const [i, c] of declared.entries()) {
        if (seen.has(c)) return issue(["categories", i], `category ${JSON.stringify(c)} is listed twice`);
        seen.add(c);
      }
      for (const coder of coders) {
        const column = input.data[coder]!;
        for (let u = 0; u < column.length; u++) {
          const v = column[u]!;
          if (v !== null && !seen.has(v)) {
            return issue(["data", coder, u], `value ${JSON.stringify(v)} is not in the declared categories`);
          }
        }
      }
    }
    const nCategories = declared ? declared.length : new Set(allValues.filter((v) => v !== null)).size;
    if (nCategories > MAX_CATEGORIES) return issue(["data"], `has ${nCategories} distinct categories; at most ${MAX_CATEGORIES} are supported`);

    if (input.weights) {
      if (!declared) return issue(["weights"], "need a declared categories list so each row and column has a known category");
      const K = declared.length;
      if (input.weights.length !== K) return issue(["weights"], `must be ${K}×${K} to match the ${K} categories, got ${input.weights.length} rows`);
      for (const [i, row] of input.weights.entries()) {
        if (row.length !== K) return issue(["weights", i], `must have ${K} entries to match the categories, got ${row.length}`);
        if (row[i] !== 0) return issue(["weights", i, i], "the diagonal must be 0 (a category does not disagree with itself)");
      }
    }
  });

const spanSchema = z.tuple(
  [
    z.number().int("span begin must be a whole number"),
    z.number().int("span length must be a whole number").positive("span length must be > 0"),
    categorySchema,
  ],
  { error: "each span must be [begin, length, category]" },
);

export const unitizingInputSchema = z
  .object({
    unitizing: z
      .object({
        begin: z.number().int("begin must be a whole number (positions are counted in whole characters or time ticks)"),
        length: z.number().int("length must be a whole number").positive("length must be > 0"),
        data: z.record(z.string().min(1, "coder names must be non-empty"), z.array(spanSchema)),
      })
      .strict(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const { begin, length, data } = input.unitizing;
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: "custom", path: ["unitizing", ...path], message });
    };
    const coders = Object.keys(data);
    if (coders.length < 2) return issue(["data"], `needs at least two coders, got ${coders.length}`);
    const types = typeOfValues(coders.flatMap((c) => data[c]!.map((s) => s[2])));
    if (types.size > 1) return issue(["data"], "mixes numeric and string categories; use one type");
    const end = begin + length;
    for (const coder of coders) {
      const spans = data[coder]!;
      for (const [i, [b, l]] of spans.entries()) {
        if (b < begin || b + l > end) return issue(["data", coder, i], `span [${b}, ${b + l}) lies outside the continuum [${begin}, ${end})`);
      }
      // Krippendorff's model lets a coder's units of one category never overlap.
      const order = spans.map((s, i) => ({ s, i })).sort((x, y) => (x.s[2] < y.s[2] ? -1 : x.s[2] > y.s[2] ? 1 : x.s[0] - y.s[0]));
      for (let j = 1; j < order.length; j++) {
        const prev = order[j - 1]!.s;
        const cur = order[j]!;
        if (prev[2] === cur.s[2] && cur.s[0] < prev[0] + prev[1]) {
          return issue(["data", coder, cur.i], `overlaps another span of category ${JSON.stringify(cur.s[2])} by the same coder`);
        }
      }
    }
  });

// Compile-time check that the schemas produce the library's input types.
type Assignable<T, U extends T> = U;
export type CheckedAgreementInput = Assignable<AgreementInput, z.output<typeof agreementInputSchema>>;
export type CheckedUnitizingInput = Assignable<UnitizingInput, z.output<typeof unitizingInputSchema>>;

export type ParsedRequest =
  | { readonly ok: true; readonly kind: "coded"; readonly input: AgreementInput }
  | { readonly ok: true; readonly kind: "unitizing"; readonly input: UnitizingInput }
  | { readonly ok: false; readonly error: string };

/** One line naming each problem with its path, e.g. `data.coderB: has 11 values but …`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join(".") : "input"}: ${i.message}`)
    .join("; ")
    .replace(/\s+/g, " ");
}

/** Route by shape: an object with a `unitizing` key is span data, anything else coded units. */
export function parseAgreementRequest(raw: unknown): ParsedRequest {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, error: "input: expected a JSON object" };
  }
  if ("unitizing" in raw) {
    const parsed = unitizingInputSchema.safeParse(raw);
    return parsed.success ? { ok: true, kind: "unitizing", input: parsed.data } : { ok: false, error: formatIssues(parsed.error) };
  }
  const parsed = agreementInputSchema.safeParse(raw);
  return parsed.success ? { ok: true, kind: "coded", input: parsed.data } : { ok: false, error: formatIssues(parsed.error) };
}
