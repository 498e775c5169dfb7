import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { buildExport } from "@/lib/export/buildExport";
import { exportQuerySchema } from "@/lib/export/exportQuery";
import { attachmentDisposition } from "@/lib/export/fileName";
import { parseOr400, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

/**
 * GET /api/exercises/:id/export?format=csv|json|matrix|agreement-csv|agreement-json|qdpx
 * (matrix: &variable=<dimension>.<polarity>|<dimension>|pooled [&values=codes|labels]).
 * The work, the rights and the audit row are in lib/export/buildExport; this only speaks HTTP.
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
  const query = parseOr400(exportQuerySchema, Object.fromEntries(new URL(req.url).searchParams), "export request");
  const db = await getDb();
  const file = await buildExport(db, user, id, query.format, { variable: query.variable, values: query.values });
  return new Response(file.body, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentDisposition(file.fileName),
      "Content-Length": String(file.body.byteLength),
      // Transcripts are health information: no shared or browser cache keeps a copy.
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
