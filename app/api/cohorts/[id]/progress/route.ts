import { NextResponse } from "next/server";
import { z } from "zod";
import type { TraineeDetail } from "@/components/progress/traineeDetailSchema";
import { can } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { cohortProgress, progressScopeFor } from "@/lib/db/queries/progress";
import { AppError } from "@/lib/errors";
import { parseOr400, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

/**
 * GET /api/cohorts/:id/progress?trainee=<userId> (components/progress/traineeDetailSchema): one trainee's
 * curve data, for the progress page of a large cohort, which shows the table and loads a trainee's curves
 * when asked. Rights are the page's: staff any trainee of the cohort, a trainee only themself; anyone else
 * "not found". Reads are not audited (opening the page is).
 */
export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "cohort id");
  const { trainee } = parseOr400(z.object({ trainee: idParam }).strict(), Object.fromEntries(new URL(req.url).searchParams), "progress query");
  const scope = progressScopeFor(user.subject, id);
  if (!scope || !can(user.subject, "cohort.view", { kind: "cohort", cohortId: id }) || (scope.kind === "self" && scope.userId !== trainee)) {
    throw new AppError("not_found", "No such trainee in this cohort, or you may not see their progress.");
  }
  // A trainee's own query never reads other trainees' rows or exercises they do not code in (progressScopeFor).
  const data = await cohortProgress(await getDb(), id, scope.kind === "self" ? scope : { kind: "cohort" });
  const row = data.trainees.find((t) => t.id === trainee);
  if (!row) throw new AppError("not_found", "No such trainee in this cohort, or you may not see their progress.");
  const body: TraineeDetail = { exercises: data.exercises, trainee: row };
  return NextResponse.json(body);
});
