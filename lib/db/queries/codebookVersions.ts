import { desc, eq } from "drizzle-orm";
import type { Codebook } from "../../domain/codebook";
import { parseCodebook } from "../../domain/codebookSchema";
import type { Db } from "../client";
import { newId } from "../ids";
import { codebooks, users } from "../schema";

export interface CodebookVersionSummary {
  id: string;
  name: string;
  version: number;
  createdAt: Date;
  /** Who saved it; null for the default version stored on first use (or a removed account). */
  createdByName: string | null;
}

/** Every stored version of a cohort's codebook, newest first. */
export async function listCodebookVersions(db: Db, cohortId: string): Promise<CodebookVersionSummary[]> {
  return db
    .select({ id: codebooks.id, name: codebooks.name, version: codebooks.version, createdAt: codebooks.createdAt, createdByName: users.name })
    .from(codebooks)
    .leftJoin(users, eq(users.id, codebooks.createdBy))
    .where(eq(codebooks.cohortId, cohortId))
    .orderBy(desc(codebooks.version), desc(codebooks.createdAt));
}

/**
 * Stores `codebook` under exactly its own version number. Unlike saveCodebookVersion (which takes whatever
 * is newest and adds one), two editors who both started from version N cannot both land: the second
 * insert of N+1 hits the (cohort, name, version) unique index, and the caller reports a conflict instead
 * of silently dropping the first editor's changes.
 */
export async function insertCodebookVersion(db: Db, cohortId: string, codebook: Codebook, createdBy: string): Promise<{ id: string; version: number }> {
  const body = parseCodebook(codebook);
  const id = newId();
  await db.insert(codebooks).values({ id, cohortId, name: body.name, version: body.version, body, createdBy });
  return { id, version: body.version };
}

/** A unique-index violation (two saves of the same next version at once), through Drizzle's error wrapper. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
