import { z } from "zod";
import { MATRIX_VALUE_MODES, MATRIX_VARIABLES } from "./matrix";
import { EXPORT_FORMATS } from "./types";

/** The export route's query string: ?format=…[&variable=…][&values=codes|labels]. */
export const exportQuerySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    variable: z
      .string()
      .max(80)
      .refine((v) => MATRIX_VARIABLES.includes(v), { message: `expected one of ${MATRIX_VARIABLES.join(", ")}` })
      .optional(),
    values: z.enum(MATRIX_VALUE_MODES).optional(),
  })
  .superRefine((query, ctx) => {
    if (query.format === "matrix" && query.variable === undefined) {
      ctx.addIssue({ code: "custom", path: ["variable"], message: `format=matrix needs a variable, e.g. variable=cognition.inflexible (one of ${MATRIX_VARIABLES.join(", ")})` });
    }
  });

export type ExportQuery = z.infer<typeof exportQuerySchema>;
