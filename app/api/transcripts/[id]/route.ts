import { NextResponse } from "next/server";
import { z } from "zod";
import { roleIn } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/currentUser";
import { auditTranscript, transcriptFor } from "@/lib/auth/transcriptAccess";
import { rightsChanged } from "@/lib/collab/rightsBus";
import { transcriptRoom } from "@/lib/collab/roomName";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { deleteTranscript } from "@/lib/db/queries/transcripts";
import { loadRoomDoc } from "@/lib/db/queries/yjsLog";
import { readTurns } from "@/lib/domain/transcriptDoc";
import { parseOr400, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

const params = z.object({ id: idParam });

export const GET = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(params, await ctx.params, "transcript id");
  const db = await getDb();
  const meta = await transcriptFor(db, user, id, "transcript.read");
  // Every saved edit is in the log before its sender hears "saved", so the stored document is current.
  const { doc } = await loadRoomDoc(db, transcriptRoom(id));
  const turns = readTurns(doc);
  doc.destroy();
  await auditTranscript(db, user, meta, "transcript.api_read");
  return NextResponse.json({ id: meta.id, title: meta.title, turns });
});

/** An instructor deletes a transcript: its text goes from every table, and open sockets on it are closed. */
export const DELETE = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(params, await ctx.params, "transcript id");
  const db = await getDb();
  const meta = await transcriptFor(db, user, id, "transcript.delete");
  const exerciseIds = await deleteTranscript(db, id);
  // Sockets on every node are closed before the audit row is written: nothing may wait in between.
  rightsChanged({ kind: "transcript", transcriptId: id, exerciseIds });
  await recordAudit(db, { userId: user.id, role: roleIn(user.subject, meta.cohortId), action: "transcript.delete", resource: `transcript:${id}`, outcome: "ok", cohortId: meta.cohortId });
  return new NextResponse(null, { status: 204 });
}, { body: "none" });
