import type { CurrentUser } from "./currentUser";
import { type ExerciseFacts, can, roleIn } from "./can";
import type { Db } from "../db/client";
import { recordAudit } from "../db/queries/audit";
import { type ExerciseDetail, exerciseFacts, getExercise, staffAmong } from "../db/queries/exercises";
import { anonymiseCoders } from "../domain/coderNames";
import { AppError } from "../errors";

/**
 * Loads an exercise the user takes part in or manages; anything else is "not found" (and audited).
 *
 * The coders' names come back as this viewer may see them: without can "exercise.see_coder_names" (a
 * trainee, unless staff switched names on) other trainees are "Trainee 1", "Trainee 2", … (lib/domain/
 * coderNames). Every page, API answer and export reads its exercise here, so one rule names coders on
 * every channel — the exercise API, the agreement API and page, review, and each export format.
 */
export async function exerciseFor(db: Db, user: CurrentUser, id: string): Promise<{ exercise: ExerciseDetail; facts: ExerciseFacts }> {
  const exercise = await getExercise(db, id);
  const facts = exercise ? exerciseFacts(exercise) : null;
  if (!exercise || !facts || !can(user.subject, "exercise.view", { kind: "exercise", exercise: facts })) {
    await recordAudit(db, { userId: user.id, role: exercise ? roleIn(user.subject, exercise.cohortId) : null, action: "exercise.view", resource: `exercise:${id}`, outcome: "denied", cohortId: exercise?.cohortId });
    throw new AppError("not_found", "No such exercise, or you are not part of it.");
  }
  if (can(user.subject, "exercise.see_coder_names", { kind: "exercise", exercise: facts })) return { exercise, facts };
  const staff = await staffAmong(db, exercise.cohortId, facts.coderIds);
  const shown = new Set([user.id, ...staff, ...(exercise.keyCoderId ? [exercise.keyCoderId] : [])]);
  return { exercise: { ...exercise, coders: anonymiseCoders(exercise.coders, shown) }, facts };
}

export async function auditExercise(db: Db, user: CurrentUser, exercise: ExerciseDetail, action: string, outcome: "ok" | "denied" = "ok"): Promise<void> {
  await recordAudit(db, { userId: user.id, role: roleIn(user.subject, exercise.cohortId), action, resource: `exercise:${exercise.id}`, outcome, cohortId: exercise.cohortId });
}
