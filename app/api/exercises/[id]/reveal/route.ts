import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { auditExercise, exerciseFor } from "@/lib/auth/exerciseAccess";
import { can } from "@/lib/auth/can";
import { rightsChanged } from "@/lib/collab/rightsBus";
import { getDb } from "@/lib/db/client";
import { revealExercise } from "@/lib/db/queries/exercises";
import { AppError } from "@/lib/errors";
import { parseOr400, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

export const POST = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
  const db = await getDb();
  const { exercise, facts } = await exerciseFor(db, user, id);
  if (!can(user.subject, "exercise.manage", { kind: "exercise", exercise: facts })) {
    await auditExercise(db, user, exercise, "exercise.reveal", "denied");
    throw new AppError("forbidden", "Only supervisors and instructors can reveal an exercise.");
  }
  if (exercise.state !== "coding") throw new AppError("conflict", "This exercise has already been revealed.");
  await revealExercise(db, id);
  await auditExercise(db, user, exercise, "exercise.reveal");
  rightsChanged({ kind: "exercise", exerciseId: id, transcriptId: exercise.transcriptId });
  return NextResponse.json({ revealed: true });
}, { body: "none" });
