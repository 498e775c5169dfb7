import { and, eq } from "drizzle-orm";
import type { CohortRole } from "../../auth/can";
import type { Db } from "../client";
import { memberships } from "../schema";

export type MembershipChange = { kind: "remove" } | { kind: "role"; role: CohortRole };
export type MembershipChangeResult = "ok" | "not_member" | "last_instructor";

/**
 * Removes a member or changes their role — never leaving the cohort without an instructor. The cohort's
 * instructor rows are locked first, so two instructors removing each other at once cannot both succeed.
 */
export async function changeMembership(db: Db, cohortId: string, userId: string, change: MembershipChange): Promise<MembershipChangeResult> {
  return db.transaction(async (tx) => {
    const instructors = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.cohortId, cohortId), eq(memberships.role, "instructor")))
      .for("update");
    const [target] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.cohortId, cohortId), eq(memberships.userId, userId)));
    if (!target) return "not_member";
    const losesInstructor = target.role === "instructor" && (change.kind === "remove" || change.role !== "instructor");
    if (losesInstructor && instructors.length <= 1) return "last_instructor";
    const where = and(eq(memberships.cohortId, cohortId), eq(memberships.userId, userId));
    if (change.kind === "remove") await tx.delete(memberships).where(where);
    else await tx.update(memberships).set({ role: change.role }).where(where);
    return "ok";
  });
}
