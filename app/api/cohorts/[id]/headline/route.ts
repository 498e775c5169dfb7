import { NextResponse } from "next/server";
import { z } from "zod";
import { can, roleIn } from "@/lib/auth/can";
import { type CurrentUser, requireUser } from "@/lib/auth/currentUser";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { cohortHeadline, setCohortHeadline } from "@/lib/db/queries/cohortHeadline";
import { headlineSettingSchema } from "@/lib/domain/headline";
import { AppError } from "@/lib/errors";
import { parseOr400, readJson, route } from "@/lib/http/route";
import { idParam } from "@/lib/validation/member";

type Ctx = { params: Promise<{ id: string }> };

/** Members read the setting; anyone else gets "not found" (a forbidden cohort and a missing one look the same). */
async function cohortFor(user: CurrentUser, ctx: Ctx): Promise<string> {
  const { id } = parseOr400(z.object({ id: idParam }), await ctx.params, "cohort id");
  if (!can(user.subject, "cohort.view", { kind: "cohort", cohortId: id })) throw new AppError("not_found", "No such cohort, or you are not a member of it.");
  return id;
}

/** GET /api/cohorts/:id/headline → {statistic, bands}: the cohort's headline statistic and band scheme. */
export const GET = route(async (_req: Request, ctx: Ctx) => {
  const user = await requireUser();
  const cohortId = await cohortFor(user, ctx);
  return NextResponse.json(await cohortHeadline(await getDb(), cohortId));
});

/** PUT /api/cohorts/:id/headline {statistic: "alpha"|"kappa"|"ac1"|"po", bands: "krippendorff"|"landis-koch"|"cicchetti"} — instructors only. */
export const PUT = route(async (req: Request, ctx: Ctx) => {
  const user = await requireUser();
  const cohortId = await cohortFor(user, ctx);
  const db = await getDb();
  const audit = (outcome: "ok" | "denied") =>
    recordAudit(db, { userId: user.id, role: roleIn(user.subject, cohortId), action: "cohort.headline_update", resource: `cohort:${cohortId}`, outcome, cohortId });
  if (!can(user.subject, "cohort.manage_members", { kind: "cohort", cohortId })) {
    await audit("denied");
    throw new AppError("forbidden", "Only this cohort's instructors can change its headline statistic.");
  }
  const setting = parseOr400(headlineSettingSchema.strict(), await readJson(req, 10_000), "headline setting");
  await setCohortHeadline(db, cohortId, setting);
  await audit("ok");
  return NextResponse.json(setting);
});
