import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { auditExercise, exerciseFor } from "@/lib/auth/exerciseAccess";
import { canSeeAgreement } from "@/lib/auth/exerciseRules";
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
 * 200 body (lib/db/queries/agreement.ts AgreementView):
 * {
 *   runId: string,
 *   computedAt: ISO string,          // agreement "as of": when its inputs were read — at computation, or later
 *                                    // when a change that moves no unit (a note, a submit) re-confirmed it trigger: "layers"|"transcript"|"rights"|"startup",
 *   durationMs: number,
 *   coders: [{id, name}],            // the exercise's coders
 *   keyCoderId: string | null,       // set when the exercise has a key coder who has coded
 *   nUnits: number,                  // units = the transcript's turns
 *   comparedCoders: [id], idleCoders: [id],   // idle = has not reviewed or coded any turn (left out)
 *   settings: {bootstrap: {replicates, seed}, pairCiMaxCoders, keyCiKinds, pairDetailMaxCoders},
 *   variables: {<variable>: <CONTRACTS §6 output over all compared coders, with ci>},
 *   variableInfo: {<variable>: {kind: "presence"|"dimension"|"pooled", categories, prevalence: {category: share}}},
 *   unitizing: null | {n_coders, n_spans, krippendorff_unitizing_alpha?, krippendorff_unitizing_alpha_by_category,
 *                      warnings, continuumLength, nTurns},
 *   pairs: [{coderA, coderB, detail: "full", variables: {<variable>: <§6 output for the two>}}
 *          | {coderA, coderB, detail: "summary", variables: {<dimension or "pooled">:
 *              {n_units, n_coders, n_pairable_units, po?, cohen_kappa?, krippendorff_alpha?, gwet_ac1?}}}],
 *          // "summary" only for pairs without the key when more than settings.pairDetailMaxCoders coders
 *   vsKey: [{coder, key, variables: {<variable>: <§6 output, coder vs key>}}],
 *   warnings: [string]
 * }
 * Variables: "<dimension>.<polarity>" (12, presence 1/0), "<dimension>" (6, none/flexible/inflexible/both),
 * "pooled" (code set per turn, form-aware distance — lib/domain/fadDistance.ts).
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
  if (!canSeeAgreement(user.subject, facts)) {
    await auditExercise(db, user, exercise, "exercise.agreement_read", "denied");
    throw new AppError("not_found", NOT_AVAILABLE);
  }
  const run = await latestAgreementRun(db, id);
  if (!run) throw new AppError("not_found", NOT_AVAILABLE);
  // Allowed reads are not audited: the agreement page and the live strip poll this every few seconds, and
  // the page view itself is audited. Refusals are.
  return NextResponse.json(agreementView(run, exercise.coders));
});
