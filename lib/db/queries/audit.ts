import { and, eq, gt, isNull } from "drizzle-orm";
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

/**
 * Records an entry unless the same person already has the same entry within `withinMs`: an import's
 * preview is re-run on every role or label the reviewer changes, and the trail should show one preview
 * per import, not one per keystroke.
 */
export async function recordAuditOnce(db: Db, entry: AuditEntry, withinMs: number): Promise<void> {
  const since = new Date(Date.now() - withinMs);
  const [recent] = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        entry.userId === null ? isNull(auditEvents.userId) : eq(auditEvents.userId, entry.userId),
        eq(auditEvents.action, entry.action),
        eq(auditEvents.resource, entry.resource),
        eq(auditEvents.outcome, entry.outcome),
        gt(auditEvents.at, since),
      ),
    )
    .limit(1);
  if (!recent) await recordAudit(db, entry);
}
