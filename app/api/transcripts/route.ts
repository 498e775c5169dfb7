import { NextResponse } from "next/server";
import { z } from "zod";
import { can } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { createTranscript, listTranscriptsForUser } from "@/lib/db/queries/transcripts";
import { parsePlainTranscript } from "@/lib/domain/plainTranscript";
import { AppError } from "@/lib/errors";
import { parseOr400, readJson, route } from "@/lib/http/route";

export const GET = route(async () => {
  const user = await requireUser();
  const db = await getDb();
  const rows = await listTranscriptsForUser(db, user.id);
  return NextResponse.json(rows.map((t) => ({ id: t.id, title: t.title, turnCount: t.turnCount, createdAt: t.createdAt.toISOString() })));
});

const importSchema = z.object({
  title: z.string().trim().min(1, "a title is required").max(200),
  text: z.string().min(1, "the transcript is empty").max(2_000_000),
  cohortId: z.string().optional(),
});

/** JSON import of plain "Speaker: text" transcripts; file formats (.vtt, .srt, .docx, .csv) arrive with the import issue. */
export const POST = route(async (req: Request) => {
  const user = await requireUser();
  if (!(req.headers.get("content-type") ?? "").includes("application/json")) {
    throw new AppError("bad_request", "Send JSON {title, text}; file uploads are not supported yet.");
  }
  const body = parseOr400(importSchema, await readJson(req, 2_100_000), "transcript");
  const staffCohorts = user.subject.memberships.filter((m) => can(user.subject, "transcript.create", { kind: "cohort", cohortId: m.cohortId }));
  const cohortId = body.cohortId ?? (staffCohorts.length === 1 ? staffCohorts[0]?.cohortId : undefined);
  if (!cohortId || !staffCohorts.some((m) => m.cohortId === cohortId)) {
    throw new AppError(staffCohorts.length > 1 && !body.cohortId ? "bad_request" : "forbidden",
      staffCohorts.length > 1 && !body.cohortId ? "Choose the cohort (cohortId) for this transcript." : "Only supervisors and instructors can add transcripts to a cohort.");
  }
  const parsed = parsePlainTranscript(body.text);
  if (!parsed.ok) throw new AppError("bad_request", parsed.error);
  const db = await getDb();
  const id = await createTranscript(db, { cohortId, title: body.title, createdBy: user.id, turns: parsed.turns });
  const role = user.subject.memberships.find((m) => m.cohortId === cohortId)?.role ?? null;
  await recordAudit(db, { userId: user.id, role, action: "transcript.import", resource: `transcript:${id}`, outcome: "ok", cohortId });
  return NextResponse.json({ id }, { status: 201 });
});
