import { z } from "zod";
import type { CurrentUser } from "../auth/currentUser";
import { can } from "../auth/can";
import { auditExercise, exerciseFor } from "../auth/exerciseAccess";
import type { Db } from "../db/client";
import { setCoderNamesVisible } from "../db/queries/exercises";
import { AppError } from "../errors";

/** PATCH /api/exercises/:id body: the exercise settings staff may change after creating it. */
export const exerciseSettingsSchema = z.object({ coderNamesVisible: z.boolean() }).strict();

/**
 * Lets (or stops) trainees see each other's names in their review after the reveal. Staff of the
 * exercise's cohort only; a coder who is not staff gets 403, anyone else the exercise's 404. Audited.
 */
export async function updateExerciseSettings(db: Db, user: CurrentUser, exerciseId: string, settings: z.infer<typeof exerciseSettingsSchema>): Promise<{ coderNamesVisible: boolean }> {
  const { exercise, facts } = await exerciseFor(db, user, exerciseId);
  if (!can(user.subject, "exercise.manage", { kind: "exercise", exercise: facts })) {
    await auditExercise(db, user, exercise, "exercise.settings", "denied");
    throw new AppError("forbidden", "Only the cohort's supervisors and instructors change an exercise's settings.");
  }
  await setCoderNamesVisible(db, exercise.id, settings.coderNamesVisible);
  await auditExercise(db, user, exercise, "exercise.settings");
  return { coderNamesVisible: settings.coderNamesVisible };
}
