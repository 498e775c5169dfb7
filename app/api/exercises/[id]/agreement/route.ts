import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { auditExercise, exerciseFor } from "@/lib/auth/exerciseAccess";
import { can } from "@/lib/auth/can";
import { getDb } from "@/lib/db/client";
import { agreementView, latestAgreementRun } from "@/lib/db/queries/agreement";
import { AppError } from "@/lib/errors";
import { parseOr400, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

/**
 * GET /api/exercises/:id/agreement — the latest stored agreement run (CONTRACTS §4). The server
 * computes runs itself (server/jobs/agreementScheduler: on layer changes, submit, reveal and at start);
 * this route only reads. No run yet → 404, never a computation on the request path.
 *
 * 200 body: lib/agreement/runSchema.ts `agreementViewSchema` (the one definition of the agreement result,
 * CONTRACTS §4), built by `agreementView` from the run.
 *
 * Rights: agreement shows how others coded, so it follows canSeeAgreement (blind exercise: coders see it
 * only after reveal). Someone who may not see it gets exactly the 404 of "no run yet" — the same status and
 * body — so nothing reveals whether a run exists; outside the exercise it is the exercise's own 404.
 */
const NOT_AVAILABLE = "No agreement is available for this exercise yet.";

export const GET = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
  const db = await getDb();
  const { exercise, facts } = await exerciseFor(db, user, id);
  if (!can(user.subject, "exercise.agreement", { kind: "exercise", exercise: facts })) {
    await auditExercise(db, user, exercise, "exercise.agreement_read", "denied");
    throw new AppError("not_found", NOT_AVAILABLE);
  }
  const run = await latestAgreementRun(db, id);
  if (!run) throw new AppError("not_found", NOT_AVAILABLE);
  // Allowed reads are not audited: the agreement page and the live strip poll this every few seconds, and
  // the page view itself is audited. Refusals are.
  return NextResponse.json(agreementView(run, exercise.coders));
});
