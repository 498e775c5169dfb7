import { NextResponse } from "next/server";
import { can } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/currentUser";
import { transcriptFor } from "@/lib/auth/transcriptAccess";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { cohortCodebook } from "@/lib/db/queries/codebooks";
import { createExercise, listExercisesForUser } from "@/lib/db/queries/exercises";
import { listCohortMembers } from "@/lib/db/queries/users";
import { rightsChanged } from "@/lib/collab/rightsBus";
import { AppError } from "@/lib/errors";
import { parseOr400, readJson, route } from "@/lib/http/route";
import { newExerciseSchema } from "@/lib/validation/exercise";

export const GET = route(async () => {
  const user = await requireUser();
  const db = await getDb();
  const rows = await listExercisesForUser(db, user.id);
  return NextResponse.json(rows.map((e) => ({ id: e.id, title: e.title, transcriptId: e.transcriptId, mode: e.mode, state: e.state })));
});

export const POST = route(async (req: Request) => {
  const user = await requireUser();
  const body = parseOr400(newExerciseSchema, await readJson(req), "exercise");
  const db = await getDb();
  const transcript = await transcriptFor(db, user, body.transcriptId, "transcript.read");
  if (!can(user.subject, "exercise.create", { kind: "cohort", cohortId: transcript.cohortId })) {
    throw new AppError("forbidden", "Only supervisors and instructors can create exercises.");
  }
  const coderIds = [...new Set(body.coderIds)];
  const members = new Set((await listCohortMembers(db, transcript.cohortId)).map((m) => m.userId));
  const strangers = coderIds.filter((id) => !members.has(id));
  if (strangers.length > 0) throw new AppError("bad_request", "Invalid exercise: coderIds: every coder must be a member of the transcript's cohort.");
  if (body.keyCoderId && !coderIds.includes(body.keyCoderId)) throw new AppError("bad_request", "Invalid exercise: keyCoderId: the key coder must be one of the coders.");
  // The exercise pins the cohort's codebook as it is now; later versions do not change what its codes mean.
  const codebook = await cohortCodebook(db, transcript.cohortId);
  const id = await createExercise(db, {
    cohortId: transcript.cohortId,
    transcriptId: transcript.id,
    title: body.title,
    mode: body.mode,
    revealRule: body.revealRule,
    coderIds,
    keyCoderId: body.keyCoderId ?? null,
    codersSettle: body.codersSettle,
    coderNamesVisible: body.coderNamesVisible,
    unitScope: body.unitScope,
    codebookId: codebook.id,
    codebookVersion: codebook.codebook.version,
    createdBy: user.id,
  });
  await recordAudit(db, { userId: user.id, role: user.subject.memberships.find((m) => m.cohortId === transcript.cohortId)?.role ?? null, action: "exercise.create", resource: `exercise:${id}`, outcome: "ok", cohortId: transcript.cohortId });
  // A blind exercise locks its transcript: editors' open sockets drop to read-only.
  rightsChanged({ kind: "exercise", exerciseId: id, transcriptId: transcript.id });
  return NextResponse.json({ id }, { status: 201 });
});
