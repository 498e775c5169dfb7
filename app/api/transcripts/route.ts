import { NextResponse } from "next/server";
import { requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { createTranscript, listTranscriptsForUser } from "@/lib/db/queries/transcripts";
import { route } from "@/lib/http/route";
import { finishTurns, parseImport, readImportRequest, requireImportRights, resolveCohort, titleFor } from "@/lib/import/importRequest";

export const GET = route(async () => {
  const user = await requireUser();
  const db = await getDb();
  const rows = await listTranscriptsForUser(db, user.id);
  return NextResponse.json(rows.map((t) => ({ id: t.id, title: t.title, turnCount: t.turnCount, createdAt: t.createdAt.toISOString() })));
});

/**
 * Import (CONTRACTS §4): multipart `file` (.txt .vtt .srt .csv .docx) or `text`, or JSON {title, text};
 * optionally the reviewer's `roles` {speaker: role}, `speakerLabels` {speaker: new label} and accepted
 * `replacements` [{turnIndex, start, end, text, proposal}] from the preview. The whole file is parsed and
 * checked before the one transaction that stores it, so a failure stores nothing.
 */
export const POST = route(async (req: Request) => {
  const user = await requireUser();
  const db = await getDb();
  const staff = await requireImportRights(db, user, "transcript.import");
  const request = await readImportRequest(req);
  const { cohortId, role } = await resolveCohort(db, user, staff, request.cohortId, "transcript.import");
  const title = titleFor(request);
  const parsed = await parseImport(request);
  const turns = finishTurns(parsed.turns, request);
  const id = await createTranscript(db, { cohortId, title, createdBy: user.id, turns });
  await recordAudit(db, { userId: user.id, role, action: "transcript.import", resource: `transcript:${id}`, outcome: "ok", cohortId });
  return NextResponse.json({ id }, { status: 201 });
}, { body: "upload" });
