import type { CurrentUser } from "./currentUser";
import { type ExerciseFacts, can, roleIn } from "./can";
import type { Db } from "../db/client";
import { recordAudit } from "../db/queries/audit";
import { type ExerciseDetail, exerciseFacts, getExercise } from "../db/queries/exercises";
import { AppError } from "../errors";

/** Loads an exercise the user takes part in or manages; anything else is "not found" (and audited). */
export async function exerciseFor(db: Db, user: CurrentUser, id: string): Promise<{ exercise: ExerciseDetail; facts: ExerciseFacts }> {
  const exercise = await getExercise(db, id);
  const facts = exercise ? exerciseFacts(exercise) : null;
  if (!exercise || !facts || !can(user.subject, "exercise.view", { kind: "exercise", exercise: facts })) {
    await recordAudit(db, { userId: user.id, role: exercise ? roleIn(user.subject, exercise.cohortId) : null, action: "exercise.view", resource: `exercise:${id}`, outcome: "denied", cohortId: exercise?.cohortId });
    throw new AppError("not_found", "No such exercise, or you are not part of it.");
  }
  return { exercise, facts };
}

export async function auditExercise(db: Db, user: CurrentUser, exercise: ExerciseDetail, action: string, outcome: "ok" | "denied" = "ok"): Promise<void> {
  await recordAudit(db, { userId: user.id, role: roleIn(user.subject, exercise.cohortId), action, resource: `exercise:${exercise.id}`, outcome, cohortId: exercise.cohortId });
}
