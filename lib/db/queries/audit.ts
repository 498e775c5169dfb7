import type { Db } from "../client";
import { auditEvents } from "../schema";

export interface AuditEntry {
  userId: string | null;
  role: string | null;
  action: string;
  resource: string;
  outcome: "ok" | "denied" | "error";
  cohortId?: string | null;
}

/** Records who did what to which resource; never the transcript text itself. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({ ...entry, cohortId: entry.cohortId ?? null });
}
