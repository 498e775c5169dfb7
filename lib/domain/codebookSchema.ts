/**
 * Zod schema for a FAD codebook, so a cohort can store an edited copy of the default codebook
 * (renamed or added processes and tags, a new version) and have it validated on the way in.
 *
 * Rules beyond the field shapes:
 * - every one of the six dimensions appears exactly once (the dimension set is fixed);
 * - abbreviations and colours are unique across entries;
 * - process-tag ids are unique across the whole codebook;
 * - a tag listed under a pole carries that pole's polarity.
 */
import { z } from "zod";
import { DIMENSIONS, POLARITIES } from "./codebook";
import type { Codebook } from "./codebook";

const HEX_COLOUR = /^#[0-9A-Fa-f]{6}$/;
const TAG_ID = /^[a-z0-9][a-z0-9._-]*$/;

export const dimensionSchema = z.enum(DIMENSIONS);
export const polaritySchema = z.enum(POLARITIES);

export const processTagSchema = z.object({
  id: z.string().trim().min(1).max(120).regex(TAG_ID, "tag id: lowercase letters, digits, '.', '_' or '-'"),
  label: z.string().trim().min(1).max(120),
  polarity: polaritySchema,
});

export const codebookPoleSchema = z.object({
  process: z.string().trim().min(1).max(200),
  definition: z.string().trim().min(1).max(2000),
  example: z.string().trim().min(1).max(1000),
  tags: z.array(processTagSchema).max(20),
});

export const codebookEntrySchema = z
  .object({
    dimension: dimensionSchema,
    label: z.string().trim().min(1).max(60),
    abbreviation: z.string().trim().min(1).max(8),
    colour: z.string().regex(HEX_COLOUR, "colour must be a #RRGGBB hex value"),
    flexible: codebookPoleSchema,
    inflexible: codebookPoleSchema,
  })
  .superRefine((entry, ctx) => {
    for (const pole of POLARITIES) {
      entry[pole].tags.forEach((t, i) => {
        if (t.polarity !== pole) {
          ctx.addIssue({
            code: "custom",
            message: `tag "${t.id}" is listed under the ${pole} pole but has polarity ${t.polarity}`,
            path: [pole, "tags", i, "polarity"],
          });
        }
      });
    }
  });

export const codebookSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    version: z.number().int().positive(),
    entries: z.array(codebookEntrySchema).length(DIMENSIONS.length),
  })
  .superRefine((codebook, ctx) => {
    const seenDimension = new Set<string>();
    const seenAbbreviation = new Set<string>();
    const seenColour = new Set<string>();
    const seenTag = new Set<string>();
    codebook.entries.forEach((e, i) => {
      if (seenDimension.has(e.dimension)) {
        ctx.addIssue({ code: "custom", message: `dimension ${e.dimension} appears more than once`, path: ["entries", i, "dimension"] });
      }
      seenDimension.add(e.dimension);

      const abbreviation = e.abbreviation.toUpperCase();
      if (seenAbbreviation.has(abbreviation)) {
        ctx.addIssue({ code: "custom", message: `abbreviation ${e.abbreviation} is not unique`, path: ["entries", i, "abbreviation"] });
      }
      seenAbbreviation.add(abbreviation);

      const colour = e.colour.toUpperCase();
      if (seenColour.has(colour)) {
        ctx.addIssue({ code: "custom", message: `colour ${e.colour} is not unique`, path: ["entries", i, "colour"] });
      }
      seenColour.add(colour);

      for (const pole of POLARITIES) {
        e[pole].tags.forEach((t, j) => {
          if (seenTag.has(t.id)) {
            ctx.addIssue({ code: "custom", message: `tag id ${t.id} is not unique`, path: ["entries", i, pole, "tags", j, "id"] });
          }
          seenTag.add(t.id);
        });
      }
    });
    for (const d of DIMENSIONS) {
      if (!seenDimension.has(d)) {
        ctx.addIssue({ code: "custom", message: `dimension ${d} is missing`, path: ["entries"] });
      }
    }
  });

export type CodebookInput = z.input<typeof codebookSchema>;
export type CodebookParsed = z.output<typeof codebookSchema>;

/** Parse an unknown value (e.g. a stored cohort codebook) into a validated Codebook; throws a ZodError if invalid. */
export function parseCodebook(input: unknown): Codebook {
  return codebookSchema.parse(input);
}

// Compile-time check: the schema's output stays assignable to the hand-written Codebook type and back.
type Assert<T extends true> = T;
export type _SchemaMatchesCodebook = Assert<CodebookParsed extends Codebook ? (Codebook extends CodebookParsed ? true : false) : false>;
