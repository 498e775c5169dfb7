import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../client";
import { auditEvents, users } from "../schema";

export interface AuditRow {
  id: number;
  at: Date;
  userName: string | null;
  role: string | null;
  action: string;
  resource: string;
  outcome: string;
}

/** A cohort's audit trail, newest first, a page at a time (before = the last id of the previous page). */
export async function listCohortAudit(db: Db, cohortId: string, options: { limit?: number; before?: number } = {}): Promise<AuditRow[]> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  return db
    .select({ id: auditEvents.id, at: auditEvents.at, userName: users.name, role: auditEvents.role, action: auditEvents.action, resource: auditEvents.resource, outcome: auditEvents.outcome })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(options.before ? and(eq(auditEvents.cohortId, cohortId), lt(auditEvents.id, options.before)) : eq(auditEvents.cohortId, cohortId))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
