import { z } from "zod";
import { CURVE_STATISTIC_IDS, CURVE_VARIABLES } from "@/lib/domain/learningCurve";

/**
 * GET /api/cohorts/:id/progress?trainee=<id> — one trainee's curves for the progress page of a large
 * cohort, loaded when a supervisor picks the trainee (issue 8 item 4): the cohort's exercise sequence (the
 * same positions as the page's table) and that trainee's readings against the key.
 */
const reading = z.object({ value: z.number().nullable(), ci: z.tuple([z.number(), z.number()]).nullable(), nUnits: z.number(), warnings: z.array(z.string()) });
const byVariable = z.partialRecord(z.enum(CURVE_VARIABLES as [string, ...string[]]), reading);

export const traineeDetailSchema = z.object({
  exercises: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      position: z.number(),
      setAt: z.string(),
      revealedAt: z.string().nullable(),
      state: z.enum(["revealed", "closed"]),
      keyCoderName: z.string(),
      nTurns: z.number(),
      computedAt: z.string(),
    }),
  ),
  trainee: z.object({
    id: z.string(),
    name: z.string(),
    entries: z.array(
      z.union([
        z.object({ exerciseId: z.string(), compared: z.literal(true), readings: z.partialRecord(z.enum(CURVE_STATISTIC_IDS), byVariable) }),
        z.object({ exerciseId: z.string(), compared: z.literal(false) }),
      ]),
    ),
  }),
});
export type TraineeDetail = z.infer<typeof traineeDetailSchema>;
