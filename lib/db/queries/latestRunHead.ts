import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { agreementRuns } from "../schema";

/**
 * The latest run's identity (id and "as of" time) without its output: a class's run is megabytes of JSON,
 * and a view that already built what it shows from this run (app/exercises/[id]/agreement/pageData) need
 * not read it again.
 */
export async function latestRunHead(db: Db, exerciseId: string): Promise<{ id: string; computedAt: Date } | null> {
  const rows = await db
    .select({ id: agreementRuns.id, computedAt: agreementRuns.computedAt })
    .from(agreementRuns)
    .where(eq(agreementRuns.exerciseId, exerciseId))
    .orderBy(desc(agreementRuns.computedAt))
    .limit(1);
  return rows[0] ?? null;
}
