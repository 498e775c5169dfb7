import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { auditTranscript, transcriptFor } from "@/lib/auth/transcriptAccess";
import { getDb } from "@/lib/db/client";
import { loadRoomDoc } from "@/lib/db/queries/yjsLog";
import { transcriptRoom } from "@/lib/collab/roomName";
import { readTurns } from "@/lib/domain/transcriptDoc";
import { parseOr400, route } from "@/lib/http/route";

const params = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

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
