import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { auditExercise, exerciseFor } from "@/lib/auth/exerciseAccess";
import { can } from "@/lib/auth/can";
import { rightsChanged } from "@/lib/collab/rightsBus";
import { getDb } from "@/lib/db/client";
import { getExercise, revealExercise, submitLayer } from "@/lib/db/queries/exercises";
import { AppError } from "@/lib/errors";
import { parseOr400, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

/** The caller submits their layer: from now on it is read-only; the last submit reveals when the rule says so. */
export const POST = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
  const db = await getDb();
  const { exercise, facts } = await exerciseFor(db, user, id);
  if (!can(user.subject, "exercise.submit", { kind: "exercise", exercise: facts })) throw new AppError("forbidden", "Only the exercise's coders submit layers.");
  if (exercise.state !== "coding") throw new AppError("conflict", "This exercise is no longer open for coding.");
  const changed = await submitLayer(db, id, user.id);
  let revealed = false;
  if (changed && exercise.revealRule === "all_submitted") {
    const after = await getExercise(db, id);
    if (after && after.coders.every((c) => c.submitted)) revealed = await revealExercise(db, id);
  }
  await auditExercise(db, user, exercise, "exercise.submit");
  if (revealed) await auditExercise(db, user, exercise, "exercise.reveal");
  rightsChanged({ kind: "exercise", exerciseId: id, transcriptId: exercise.transcriptId });
  return NextResponse.json({ submitted: true, revealed });
}, { body: "none" });
