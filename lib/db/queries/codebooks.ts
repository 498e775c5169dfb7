import { and, desc, eq } from "drizzle-orm";
import { type Codebook, defaultCodebook } from "../../domain/codebook";
import { parseCodebook } from "../../domain/codebookSchema";
import type { Db } from "../client";
import { newId } from "../ids";
import { codebooks } from "../schema";

/** A cohort's current codebook: its newest stored version, or the default one stored on first use. */
export async function cohortCodebook(db: Db, cohortId: string): Promise<{ id: string; codebook: Codebook }> {
  const rows = await db
    .select({ id: codebooks.id, body: codebooks.body })
    .from(codebooks)
    .where(eq(codebooks.cohortId, cohortId))
    .orderBy(desc(codebooks.version), desc(codebooks.createdAt))
    .limit(1);
  const row = rows[0];
  if (row) return { id: row.id, codebook: parseCodebook(row.body) };
  const id = newId();
  await db.insert(codebooks).values({ id, cohortId, name: defaultCodebook.name, version: defaultCodebook.version, body: defaultCodebook });
  return { id, codebook: defaultCodebook };
}

/** Saves an edited copy as the next version; older versions stay, so old codes keep their meaning. */
export async function saveCodebookVersion(db: Db, cohortId: string, body: unknown, createdBy: string): Promise<{ id: string; version: number }> {
  const current = await cohortCodebook(db, cohortId);
  const next = parseCodebook({ ...(body as object), version: current.codebook.version + 1 });
  const id = newId();
  await db.insert(codebooks).values({ id, cohortId, name: next.name, version: next.version, body: next, createdBy });
  return { id, version: next.version };
}

export async function codebookVersion(db: Db, cohortId: string, version: number): Promise<Codebook | null> {
  const rows = await db
    .select({ body: codebooks.body })
    .from(codebooks)
    .where(and(eq(codebooks.cohortId, cohortId), eq(codebooks.version, version)))
    .limit(1);
  return rows[0] ? parseCodebook(rows[0].body) : null;
}

/**
 * The codebook an exercise's codes were made under: its recorded version, or (for an exercise set before
 * versions were recorded) the cohort's current one. Pages and exports read definitions through this.
 */
export async function exerciseCodebook(db: Db, exercise: { cohortId: string; codebookVersion: number }): Promise<Codebook> {
  return (await codebookVersion(db, exercise.cohortId, exercise.codebookVersion)) ?? (await cohortCodebook(db, exercise.cohortId)).codebook;
}
