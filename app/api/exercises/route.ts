import { NextResponse } from "next/server";
import { z } from "zod";
import { can } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/currentUser";
import { transcriptFor } from "@/lib/auth/transcriptAccess";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { createExercise, listExercisesForUser } from "@/lib/db/queries/exercises";
import { listCohortMembers } from "@/lib/db/queries/users";
import { rightsChanged } from "@/lib/collab/rightsBus";
import { AppError } from "@/lib/errors";
import { parseOr400, readJson, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

export const GET = route(async () => {
  const user = await requireUser();
  const db = await getDb();
  const rows = await listExercisesForUser(db, user.id);
  return NextResponse.json(rows.map((e) => ({ id: e.id, title: e.title, transcriptId: e.transcriptId, mode: e.mode, state: e.state })));
});

const createSchema = z.object({
  transcriptId: idParam,
  title: z.string().trim().min(1, "a title is required").max(200),
  mode: z.enum(["blind", "open"]),
  coderIds: z.array(idParam).min(1, "choose at least one coder").max(200),
  keyCoderId: idParam.nullish(),
  revealRule: z.enum(["all_submitted", "instructor"]).default("instructor"),
  codersSettle: z.boolean().default(false),
});

export const POST = route(async (req: Request) => {
  const user = await requireUser();
  const body = parseOr400(createSchema, await readJson(req), "exercise");
  const db = await getDb();
  const transcript = await transcriptFor(db, user, body.transcriptId, "transcript.read");
  if (!can(user.subject, "transcript.create", { kind: "cohort", cohortId: transcript.cohortId })) {
    throw new AppError("forbidden", "Only supervisors and instructors can create exercises.");
  }
  const coderIds = [...new Set(body.coderIds)];
  const members = new Set((await listCohortMembers(db, transcript.cohortId)).map((m) => m.userId));
  const strangers = coderIds.filter((id) => !members.has(id));
  if (strangers.length > 0) throw new AppError("bad_request", "Invalid exercise: coderIds: every coder must be a member of the transcript's cohort.");
  if (body.keyCoderId && !coderIds.includes(body.keyCoderId)) throw new AppError("bad_request", "Invalid exercise: keyCoderId: the key coder must be one of the coders.");
  const id = await createExercise(db, {
    cohortId: transcript.cohortId,
    transcriptId: transcript.id,
    title: body.title,
    mode: body.mode,
    revealRule: body.revealRule,
    coderIds,
    keyCoderId: body.keyCoderId ?? null,
    codersSettle: body.codersSettle,
    codebookId: null,
    codebookVersion: 1,
    createdBy: user.id,
  });
  await recordAudit(db, { userId: user.id, role: user.subject.memberships.find((m) => m.cohortId === transcript.cohortId)?.role ?? null, action: "exercise.create", resource: `exercise:${id}`, outcome: "ok", cohortId: transcript.cohortId });
  // A blind exercise locks its transcript: editors' open sockets drop to read-only.
  rightsChanged({ kind: "exercise", exerciseId: id, transcriptId: transcript.id });
  return NextResponse.json({ id }, { status: 201 });
});
