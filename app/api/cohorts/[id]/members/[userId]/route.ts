import { NextResponse } from "next/server";
import { z } from "zod";
import { type CurrentUser, requireUser } from "@/lib/auth/currentUser";
import { can, roleIn } from "@/lib/auth/can";
import { rightsChanged } from "@/lib/collab/rightsBus";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { type MembershipChange, changeMembership } from "@/lib/db/queries/membership";
import { AppError } from "@/lib/errors";
import { parseOr400, readJson, route } from "@/lib/http/route";
import { idParam, memberRoleSchema } from "@/lib/validation/member";

const paramsSchema = z.object({ id: idParam, userId: idParam });

/** Applies a removal or role change for an instructor of the cohort; open sockets are re-checked at once. */
async function apply(user: CurrentUser, cohortId: string, userId: string, change: MembershipChange): Promise<void> {
  if (!can(user.subject, "cohort.manage_members", { kind: "cohort", cohortId })) {
    throw new AppError("forbidden", "Only this cohort's instructors can change its members.");
  }
  const db = await getDb();
  const result = await changeMembership(db, cohortId, userId, change);
  if (result === "not_member") throw new AppError("not_found", "This person is not a member of the cohort.");
  if (result === "last_instructor") {
    throw new AppError("conflict", "A cohort needs at least one instructor. Make someone else an instructor first.");
  }
  await recordAudit(db, {
    userId: user.id,
    role: roleIn(user.subject, cohortId),
    action: change.kind === "remove" ? "member.remove" : "member.role",
    resource: `user:${userId}`,
    outcome: "ok",
    cohortId,
  });
  // A removed trainee's open coding page loses its layers now, not at their next reconnect.
  rightsChanged({ kind: "cohort", cohortId });
}

/** Changes a member's role: { role }. */
export const PATCH = route(async (req: Request, ctx: { params: Promise<{ id: string; userId: string }> }) => {
  const user = await requireUser();
  const { id, userId } = parseOr400(paramsSchema, await ctx.params, "member");
  const { role } = parseOr400(z.object({ role: memberRoleSchema }), await readJson(req), "role");
  await apply(user, id, userId, { kind: "role", role });
  return NextResponse.json({ ok: true });
});

/** Removes a member from the cohort (the account stays; their codes stay in finished exercises). */
export const DELETE = route(async (_req: Request, ctx: { params: Promise<{ id: string; userId: string }> }) => {
  const user = await requireUser();
  const { id, userId } = parseOr400(paramsSchema, await ctx.params, "member");
  await apply(user, id, userId, { kind: "remove" });
  return NextResponse.json({ ok: true });
});
