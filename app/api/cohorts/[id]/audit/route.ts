import { z } from "zod";
import { can, roleIn } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { auditCsv, listCohortAudit } from "@/lib/db/queries/auditRead";
import { AppError } from "@/lib/errors";
import { parseOr400, route } from "@/lib/http/route";
import { auditFilterOf, auditQuerySchema } from "@/lib/validation/auditFilter";
import { idParam } from "@/lib/validation/member";

/** The cohort's audit trail as CSV, with the page's filters (?action, person, from, to); instructors only. */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id: cohortId } = parseOr400(z.object({ id: idParam }), await ctx.params, "cohort id");
  if (!can(user.subject, "cohort.view_audit", { kind: "cohort", cohortId })) throw new AppError("forbidden", "Only this cohort's instructors can read its audit trail.");
  const query = auditQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const db = await getDb();
  const rows = await listCohortAudit(db, cohortId, { limit: 5000, filter: auditFilterOf(query) });
  await recordAudit(db, { userId: user.id, role: roleIn(user.subject, cohortId), action: "audit.export", resource: `cohort:${cohortId}`, outcome: "ok", cohortId });
  return new Response(auditCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${cohortId}.csv"`,
      "cache-control": "no-store",
    },
  });
});
