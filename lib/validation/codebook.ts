import { z } from "zod";
import { type Codebook, POLARITIES } from "../domain/codebook";
import { codebookSchema } from "../domain/codebookSchema";

/** POST /api/cohorts/:id/codebook: the edited codebook and the version the editor started from. */
export const saveCodebookRequestSchema = z.object({
  baseVersion: z.number().int().positive(),
  codebook: z.looseObject({}),
});

export type SaveCodebookRequest = z.infer<typeof saveCodebookRequestSchema>;

export interface CodebookProblem {
  /** Which field the problem is in, as `dimension.pole.field` (or `dimension.pole.tags.N`); null for the whole codebook. */
  field: string | null;
  /** The problem in plain words, naming where it is: "Cognition, inflexible pole — definition is empty." */
  text: string;
}

const FIELD_NAMES: Record<string, string> = {
  process: "process name",
  definition: "definition",
  example: "example",
  tags: "tag list",
  label: "label",
  abbreviation: "abbreviation",
  colour: "colour",
  name: "codebook name",
};

/** Plain words for the schema's generic checks; the schema's own messages (duplicates, polarity) win over these. */
function plainMessage(issue: { code: string; origin?: unknown; minimum?: unknown; maximum?: unknown }): string {
  if (issue.code === "too_small" && issue.origin === "string") return "is empty";
  if (issue.code === "too_big" && issue.origin === "string") return `is too long (at most ${String(issue.maximum)} characters)`;
  if (issue.code === "too_big" && issue.origin === "array") return `has too many entries (at most ${String(issue.maximum)})`;
  if (issue.code === "too_small" && issue.origin === "array") return "is missing entries";
  if (issue.code === "invalid_type") return "is missing or not text";
  return "is not valid";
}

interface EntryLike {
  dimension?: unknown;
  label?: unknown;
  flexible?: { tags?: Array<{ label?: unknown }> };
  inflexible?: { tags?: Array<{ label?: unknown }> };
}

/** Turns a schema issue's path into a field key and a sentence a clinician can act on. */
function describe(candidate: unknown, path: ReadonlyArray<PropertyKey>, message: string): CodebookProblem {
  const entries = (candidate as { entries?: EntryLike[] } | null)?.entries;
  if (path[0] !== "entries" || typeof path[1] !== "number" || !Array.isArray(entries)) {
    const name = typeof path[0] === "string" ? (FIELD_NAMES[path[0]] ?? path[0]) : null;
    return { field: null, text: name ? `The ${name} ${message}.` : `${capital(message)}.` };
  }
  const entry = entries[path[1]];
  const dimension = typeof entry?.dimension === "string" ? entry.dimension : `entry ${path[1] + 1}`;
  const label = typeof entry?.label === "string" && entry.label ? entry.label : dimension;
  const pole = path[2];
  if (pole !== "flexible" && pole !== "inflexible") {
    const name = typeof pole === "string" ? (FIELD_NAMES[pole] ?? pole) : "entry";
    return { field: null, text: `${label} — ${name} ${message}.` };
  }
  const where = `${label}, ${pole} pole`;
  if (path[3] === "tags" && typeof path[4] === "number") {
    const tagLabel = entry?.[pole]?.tags?.[path[4]]?.label;
    const named = typeof tagLabel === "string" && tagLabel.trim() ? `tag “${tagLabel.trim()}”` : `tag ${path[4] + 1}`;
    return { field: `${dimension}.${pole}.tags.${path[4]}`, text: `${where} — ${named}: ${message}.` };
  }
  const field = typeof path[3] === "string" ? path[3] : "";
  return { field: field ? `${dimension}.${pole}.${field}` : null, text: `${where} — ${FIELD_NAMES[field] ?? field} ${message}.` };
}

function capital(s: string): string {
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

/** Validates a codebook with the domain schema and words every problem for people (the editor and the API share this). */
export function validateCodebook(candidate: unknown): { ok: true; codebook: Codebook } | { ok: false; problems: CodebookProblem[] } {
  const result = codebookSchema.safeParse(candidate, { error: (issue) => plainMessage(issue as Parameters<typeof plainMessage>[0]) });
  if (result.success) return { ok: true, codebook: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => describe(candidate, issue.path, issue.message)) };
}

/**
 * The six dimensions, their names, abbreviations and colours are fixed: codes, charts and exports across
 * versions and cohorts must stay comparable. Returns what changed, or null.
 */
export function fixedPartsChanged(base: Codebook, next: Codebook): string | null {
  for (const entry of base.entries) {
    const other = next.entries.find((e) => e.dimension === entry.dimension);
    if (!other) return `The ${entry.label} dimension is missing; the six dimensions are fixed.`;
    if (other.label !== entry.label || other.abbreviation !== entry.abbreviation || other.colour.toUpperCase() !== entry.colour.toUpperCase()) {
      return `${entry.label}: dimension names, abbreviations and colours are fixed and cannot be changed.`;
    }
  }
  return null;
}

/** Whether two codebooks say the same thing (name and version aside). */
export function sameContent(a: Codebook, b: Codebook): boolean {
  const body = (c: Codebook) =>
    JSON.stringify(
      c.entries.map((e) => [e.dimension, ...POLARITIES.map((p) => [e[p].process.trim(), e[p].definition.trim(), e[p].example.trim(), e[p].tags.map((t) => [t.id, t.label.trim()])])]),
    );
  return body(a) === body(b);
}
