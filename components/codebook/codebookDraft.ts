import { type Codebook, type CodebookPole, type Dimension, type Polarity, POLARITIES } from "@/lib/domain/codebook";

export type PoleField = "process" | "definition" | "example";

/** Field keys shared with lib/validation/codebook problems: `dimension.pole.field` and `dimension.pole.tags.N`. */
export function fieldKey(dimension: Dimension, pole: Polarity, field: PoleField | `tags.${number}` | "tags"): string {
  return `${dimension}.${pole}.${field}`;
}

/** An element id for a field key (ids may not contain dots in CSS selectors people copy). */
export function fieldId(key: string): string {
  return `cb-${key.replace(/[^a-z0-9]+/gi, "-")}`;
}

export function updatePole(codebook: Codebook, dimension: Dimension, pole: Polarity, change: (p: CodebookPole) => CodebookPole): Codebook {
  return {
    ...codebook,
    entries: codebook.entries.map((e) => (e.dimension === dimension ? { ...e, [pole]: change(e[pole]) } : e)),
  };
}

function slug(label: string): string {
  const s = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return s || "tag";
}

/**
 * A new tag's id: dimension.pole.slug, unique in this codebook and in every id the cohort ever used
 * (`taken`), so a removed tag's id is never reused for a different meaning. Codes store the id; renaming a
 * tag keeps it.
 */
export function newTagId(codebook: Codebook, dimension: Dimension, pole: Polarity, label: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set(taken);
  for (const e of codebook.entries) for (const p of POLARITIES) for (const t of e[p].tags) used.add(t.id);
  const base = `${dimension}.${pole}.${slug(label)}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Which fields differ from the version being edited (for "changed" marks and the count on the save button). */
export function changedFields(base: Codebook, draft: Codebook): Set<string> {
  const changed = new Set<string>();
  for (const entry of draft.entries) {
    const before = base.entries.find((e) => e.dimension === entry.dimension);
    for (const pole of POLARITIES) {
      const now = entry[pole];
      const was = before?.[pole];
      for (const field of ["process", "definition", "example"] as const) {
        if (!was || now[field] !== was[field]) changed.add(fieldKey(entry.dimension, pole, field));
      }
      const tagsBefore = JSON.stringify(was?.tags.map((t) => [t.id, t.label]) ?? []);
      if (JSON.stringify(now.tags.map((t) => [t.id, t.label])) !== tagsBefore) changed.add(fieldKey(entry.dimension, pole, "tags"));
    }
  }
  return changed;
}
