import { NextResponse } from "next/server";
import { z } from "zod";
import { type ClassDetail, type CoderDetail, type PairDetail, detailQuerySchema } from "@/components/agreement/detailSchema";
import { cohortFor, pageRunData } from "@/app/exercises/[id]/agreement/pageData";
import { COHORT_VARIABLES, COHORT_VIEW_MIN_CODERS } from "@/components/agreement/cohortModel";
import { requireUser } from "@/lib/auth/currentUser";
import { auditExercise, exerciseFor } from "@/lib/auth/exerciseAccess";
import { can } from "@/lib/auth/can";
import { keyRows } from "@/lib/agreement/runSchema";
import { getDb } from "@/lib/db/client";
import { latestAgreementRun, latestRunWithPairsOf } from "@/lib/db/queries/agreement";
import { runUnitData } from "@/lib/db/queries/agreementUnitData";
import { HEADLINE_STATISTIC_IDS, statisticKey } from "@/lib/domain/headline";
import { AppError } from "@/lib/errors";
import { parseOr400, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

/**
 * GET /api/exercises/:id/agreement/detail?coder=<id> | ?a=<id>&b=<id> | ?class=1 (components/agreement/detailSchema):
 * the class view's detail on demand, read from the latest stored run. Rights are the agreement API's
 * (can "exercise.agreement"; a refusal is the same 404 as "no run", and is audited); code sets per unit only for
 * layers the viewer may open (can "layer.read"). Allowed reads are not audited: opening the page was.
 */
const NOT_AVAILABLE = "No agreement is available for this exercise yet.";

function grid(variables: Readonly<Record<string, Record<string, unknown>>>): Array<Array<number | null>> {
  return COHORT_VARIABLES.map((v) =>
    HEADLINE_STATISTIC_IDS.map((s) => {
      const result = variables[v];
      const raw = result?.[statisticKey(s, 2).key];
      return typeof raw === "number" && Number.isFinite(raw) ? Math.round(raw * 10_000) / 10_000 : null;
    }),
  );
}

export const GET = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "exercise id");
  const query = parseOr400(detailQuerySchema, Object.fromEntries(new URL(req.url).searchParams), "detail query");
  const db = await getDb();
  const { exercise, facts } = await exerciseFor(db, user, id);
  if (!can(user.subject, "exercise.agreement", { kind: "exercise", exercise: facts })) {
    await auditExercise(db, user, exercise, "exercise.agreement_read", "denied");
    throw new AppError("not_found", NOT_AVAILABLE);
  }
  if ("class" in query) {
    // Built once per run in this process and shared with the page (pageRunData); names per viewer.
    const page = await pageRunData(db, exercise);
    const body: ClassDetail = { kind: "class", cohort: cohortFor(page?.cohort ?? null, exercise.coders) };
    return NextResponse.json(body);
  }
  // Only the pairs this answer needs (the coder's, or the pair's): a class's run holds n² of them.
  const wanted = "units" in query ? null : "coder" in query ? [query.coder] : [query.a, query.b];
  const run = wanted ? await latestRunWithPairsOf(db, id, wanted) : await latestAgreementRun(db, id);
  if (!run) throw new AppError("not_found", NOT_AVAILABLE);
  const compared = new Set(run.output.coders);
  const pairOf = (a: string, b: string) => run.output.pairs.find((p) => (p.coderA === a && p.coderB === b) || (p.coderA === b && p.coderB === a));

  if ("units" in query) {
    // The small-group page's refresh; a class view loads one pair at a time instead.
    if (compared.size >= COHORT_VIEW_MIN_CODERS) throw new AppError("bad_request", "Too many coders for all code sets at once: ask for one pair (?a=&b=).");
    const visible = exercise.coders.filter((c) => can(user.subject, "layer.read", { kind: "layer", exercise: facts, coderId: c.id }));
    return NextResponse.json({ kind: "units", unit: await runUnitData(db, run, exercise.transcriptId, visible) });
  }

  if ("coder" in query) {
    if (!compared.has(query.coder)) throw new AppError("not_found", "This coder is not compared in the latest run.");
    const pairs = run.output.pairs
      .filter((p) => p.coderA === query.coder || p.coderB === query.coder)
      .map((p) => ({ other: p.coderA === query.coder ? p.coderB : p.coderA, values: grid(p.variables) }));
    const key = keyRows(run.output).find((row) => row.coder === query.coder);
    const body: CoderDetail = { kind: "coder", coder: query.coder, pairs, vsKey: key?.variables ?? null };
    return NextResponse.json(body);
  }

  if (!compared.has(query.a) || !compared.has(query.b) || query.a === query.b) throw new AppError("not_found", "These two coders are not a compared pair in the latest run.");
  const pair = pairOf(query.a, query.b);
  if (!pair) throw new AppError("not_found", "These two coders are not a compared pair in the latest run.");
  const visible = exercise.coders.filter((c) => (c.id === query.a || c.id === query.b) && can(user.subject, "layer.read", { kind: "layer", exercise: facts, coderId: c.id }));
  const unit = visible.length === 2 ? await runUnitData(db, run, exercise.transcriptId, visible) : null;
  const body: PairDetail = { kind: "pair", a: query.a, b: query.b, variables: pair.variables, unit };
  return NextResponse.json(body);
});
