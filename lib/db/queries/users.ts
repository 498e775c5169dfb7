import { and, eq, sql } from "drizzle-orm";
import type { CohortRole, Subject } from "../../auth/can";
import type { Db } from "../client";
import { newId } from "../ids";
import { cohorts, memberships, users } from "../schema";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  disabled: boolean;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: string): Promise<{ id: string; name: string; email: string; disabled: boolean } | null> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, disabled: users.disabled })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function loadSubject(db: Db, userId: string): Promise<Subject> {
  const rows = await db
    .select({ cohortId: memberships.cohortId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return { userId, memberships: rows };
}

export async function createUser(db: Db, input: { email: string; name: string; passwordHash: string }): Promise<string> {
  const id = newId();
  await db.insert(users).values({ id, email: input.email.trim(), name: input.name.trim(), passwordHash: input.passwordHash });
  return id;
}

export async function addMembership(db: Db, cohortId: string, userId: string, role: CohortRole): Promise<void> {
  await db
    .insert(memberships)
    .values({ cohortId, userId, role })
    .onConflictDoUpdate({ target: [memberships.cohortId, memberships.userId], set: { role } });
}

export async function createCohort(db: Db, name: string): Promise<string> {
  const id = newId();
  await db.insert(cohorts).values({ id, name });
  return id;
}

export interface CohortSummary {
  id: string;
  name: string;
  role: CohortRole;
}

export async function listCohortsForUser(db: Db, userId: string): Promise<CohortSummary[]> {
  return db
    .select({ id: cohorts.id, name: cohorts.name, role: memberships.role })
    .from(memberships)
    .innerJoin(cohorts, eq(cohorts.id, memberships.cohortId))
    .where(eq(memberships.userId, userId))
    .orderBy(cohorts.name);
}

export interface MemberSummary {
  userId: string;
  name: string;
  email: string;
  role: CohortRole;
}

export async function listCohortMembers(db: Db, cohortId: string): Promise<MemberSummary[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.cohortId, cohortId)))
    .orderBy(users.name);
}
