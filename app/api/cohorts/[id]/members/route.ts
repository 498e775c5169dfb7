import { NextResponse } from "next/server";
import { z } from "zod";
import { can, roleIn } from "@/lib/auth/can";
import { requireUser } from "@/lib/auth/currentUser";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { addMembership, createUser, findUserByEmail } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { parseOr400, readJson, route } from "@/lib/http/route";
import { idParam, newMemberSchema } from "@/lib/validation/member";

/**
 * An instructor adds someone to their cohort: a new account (with the initial password they hand over)
 * or, for an email that already has an account, just the membership.
 */
export const POST = route(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const user = await requireUser();
  const { id: cohortId } = parseOr400(z.object({ id: idParam }), await ctx.params, "cohort id");
  if (!can(user.subject, "cohort.manage_members", { kind: "cohort", cohortId })) {
    throw new AppError("forbidden", "Only this cohort's instructors can add members.");
  }
  const body = parseOr400(newMemberSchema, await readJson(req), "member");
  const db = await getDb();
  const existing = await findUserByEmail(db, body.email);
  let userId: string;
  let created = false;
  if (existing) {
    userId = existing.id;
  } else {
    if (!body.password) throw new AppError("bad_request", "Invalid member: password: a new account needs an initial password (at least 10 characters).");
    userId = await createUser(db, { email: body.email, name: body.name, passwordHash: await hashPassword(body.password) });
    created = true;
  }
  await addMembership(db, cohortId, userId, body.role);
  await recordAudit(db, { userId: user.id, role: roleIn(user.subject, cohortId), action: created ? "member.create" : "member.add", resource: `user:${userId}`, outcome: "ok", cohortId });
  return NextResponse.json({ userId, created }, { status: 201 });
});
