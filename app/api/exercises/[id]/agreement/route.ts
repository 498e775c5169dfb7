import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { readAgreement } from "@/lib/exercise/exerciseDecisions";
import { parseOr400, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

/**
 * GET /api/exercises/:id/agreement — the current agreement (CONTRACTS §4): the collaboration server's
 * live summary (server/collab/liveAgreement: point estimates from running tables, current within a second
 * of a change; CIs and pair detail from the latest stored run), or, where no live engine runs in this
 * process, the latest stored run (lib/exercise/exerciseDecisions readAgreement). Nothing is replayed on
 * the request path.
 *
 * 200 body: lib/agreement/runSchema.ts `agreementViewSchema` (the one definition of the agreement result,
 * CONTRACTS §4), built by `agreementView` from the run.
 *
 * Rights: agreement shows how others coded, so it follows canSeeAgreement (blind exercise: coders see it
 * only after reveal). Someone who may not see it gets exactly the 404 of "no run yet" — the same status and
 * body — so nothing reveals whether a run exists; outside the exercise it is the exercise's own 404.
 */
export const GET = route(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
  return NextResponse.json(await readAgreement(await getDb(), user, id));
});
