import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { ExerciseFacts } from "../../auth/can";
import type { Db } from "../client";
import { newId } from "../ids";
import { exerciseCoders, exercises, memberships, users } from "../schema";

export interface ExerciseRow {
  id: string;
  cohortId: string;
  transcriptId: string;
  title: string;
  mode: "blind" | "open";
  state: "coding" | "revealed" | "closed";
  revealRule: "all_submitted" | "instructor";
  keyCoderId: string | null;
  codebookVersion: number;
  codersSettle: boolean;
  /** Coders who are not staff see each other's names in review after the reveal. */
  coderNamesVisible: boolean;
  unitScope: "client_turns" | "all_turns";
  createdAt: Date;
}

export interface ExerciseCoder {
  id: string;
  name: string;
  submitted: boolean;
  /** At submit: what the coder chose for the units they had not looked at, and how many there were. */
  unreviewed: { choice: "reviewed" | "missing"; count: number } | null;
}

export interface ExerciseDetail extends ExerciseRow {
  coders: ExerciseCoder[];
}

const columns = {
  id: exercises.id,
  cohortId: exercises.cohortId,
  transcriptId: exercises.transcriptId,
  title: exercises.title,
  mode: exercises.mode,
  state: exercises.state,
  revealRule: exercises.revealRule,
  keyCoderId: exercises.keyCoderId,
  codebookVersion: exercises.codebookVersion,
  codersSettle: exercises.codersSettle,
  coderNamesVisible: exercises.coderNamesVisible,
  unitScope: exercises.unitScope,
  createdAt: exercises.createdAt,
};

export async function getExercise(db: Db, id: string): Promise<ExerciseDetail | null> {
  const rows = await db.select(columns).from(exercises).where(eq(exercises.id, id)).limit(1);
  const row = rows[0];
  if (!row) return null;
  const coders = await db
    .select({
      id: users.id,
      name: users.name,
      submittedAt: exerciseCoders.submittedAt,
      unreviewedChoice: exerciseCoders.unreviewedChoice,
      unreviewedCount: exerciseCoders.unreviewedCount,
    })
    .from(exerciseCoders)
    .innerJoin(users, eq(users.id, exerciseCoders.userId))
    .where(eq(exerciseCoders.exerciseId, id))
    .orderBy(users.name);
  return {
    ...row,
    coders: coders.map((c) => ({
      id: c.id,
      name: c.name,
      submitted: c.submittedAt !== null,
      unreviewed: c.unreviewedChoice !== null ? { choice: c.unreviewedChoice, count: c.unreviewedCount ?? 0 } : null,
    })),
  };
}

export function exerciseFacts(ex: ExerciseDetail): ExerciseFacts {
  return {
    cohortId: ex.cohortId,
    mode: ex.mode,
    state: ex.state,
    coderIds: ex.coders.map((c) => c.id),
    submittedIds: ex.coders.filter((c) => c.submitted).map((c) => c.id),
    codersSettle: ex.codersSettle,
    coderNamesVisible: ex.coderNamesVisible,
  };
}

/** Exercises the user codes in, or manages as staff of the cohort. */
export async function listExercisesForUser(db: Db, userId: string): Promise<ExerciseRow[]> {
  const coding = db.select({ id: exerciseCoders.exerciseId }).from(exerciseCoders).where(eq(exerciseCoders.userId, userId));
  const staffCohorts = db
    .select({ id: memberships.cohortId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, ["instructor", "supervisor"])));
  return db
    .select(columns)
    .from(exercises)
    .where(or(inArray(exercises.id, coding), inArray(exercises.cohortId, staffCohorts)))
    .orderBy(desc(exercises.createdAt));
}

export async function listExercisesForTranscript(db: Db, transcriptId: string): Promise<ExerciseRow[]> {
  return db.select(columns).from(exercises).where(eq(exercises.transcriptId, transcriptId)).orderBy(desc(exercises.createdAt));
}

export async function createExercise(
  db: Db,
  input: {
    cohortId: string;
    transcriptId: string;
    title: string;
    mode: "blind" | "open";
    revealRule: "all_submitted" | "instructor";
    coderIds: readonly string[];
    keyCoderId: string | null;
    codersSettle: boolean;
    coderNamesVisible?: boolean;
    unitScope?: "client_turns" | "all_turns";
    codebookId: string | null;
    codebookVersion: number;
    createdBy: string;
  },
): Promise<string> {
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(exercises).values({
      id,
      cohortId: input.cohortId,
      transcriptId: input.transcriptId,
      title: input.title,
      mode: input.mode,
      revealRule: input.revealRule,
      keyCoderId: input.keyCoderId,
      codersSettle: input.codersSettle,
      coderNamesVisible: input.coderNamesVisible ?? false,
      ...(input.unitScope ? { unitScope: input.unitScope } : {}),
      codebookId: input.codebookId,
      codebookVersion: input.codebookVersion,
      createdBy: input.createdBy,
    });
    await tx.insert(exerciseCoders).values(input.coderIds.map((userId) => ({ exerciseId: id, userId })));
  });
  return id;
}

/**
 * Marks the coder's layer submitted, with what they chose for the units left unlooked-at (if any);
 * returns false when it already was (submitting twice changes nothing).
 */
export async function submitLayer(db: Db, exerciseId: string, userId: string, unreviewed: { choice: "reviewed" | "missing"; count: number } | null = null): Promise<boolean> {
  const updated = await db
    .update(exerciseCoders)
    .set({ submittedAt: new Date(), unreviewedChoice: unreviewed?.choice ?? null, unreviewedCount: unreviewed?.count ?? null })
    .where(and(eq(exerciseCoders.exerciseId, exerciseId), eq(exerciseCoders.userId, userId), isNull(exerciseCoders.submittedAt)))
    .returning({ userId: exerciseCoders.userId });
  return updated.length > 0;
}

/** coding → revealed; returns false when the exercise was not coding. */
export async function revealExercise(db: Db, exerciseId: string): Promise<boolean> {
  const updated = await db
    .update(exercises)
    .set({ state: "revealed", revealedAt: new Date() })
    .where(and(eq(exercises.id, exerciseId), eq(exercises.state, "coding")))
    .returning({ id: exercises.id });
  return updated.length > 0;
}

export async function closeExercise(db: Db, exerciseId: string): Promise<boolean> {
  const updated = await db
    .update(exercises)
    .set({ state: "closed", closedAt: new Date() })
    .where(and(eq(exercises.id, exerciseId), eq(exercises.state, "revealed")))
    .returning({ id: exercises.id });
  return updated.length > 0;
}

/** Lets (or stops) coders who are not staff see each other's names in review; returns false for no such exercise. */
export async function setCoderNamesVisible(db: Db, exerciseId: string, visible: boolean): Promise<boolean> {
  const updated = await db.update(exercises).set({ coderNamesVisible: visible }).where(eq(exercises.id, exerciseId)).returning({ id: exercises.id });
  return updated.length > 0;
}

/** The plain fields a page hands to the coding and review screens (no dates, nothing from other tables). */
export function exerciseSnapshot(ex: ExerciseDetail): Pick<ExerciseDetail, "id" | "cohortId" | "title" | "transcriptId" | "mode" | "state" | "revealRule" | "codersSettle" | "unitScope" | "coders"> {
  return {
    id: ex.id,
    cohortId: ex.cohortId,
    title: ex.title,
    transcriptId: ex.transcriptId,
    mode: ex.mode,
    state: ex.state,
    revealRule: ex.revealRule,
    codersSettle: ex.codersSettle,
    unitScope: ex.unitScope,
    coders: ex.coders,
  };
}

/** Which of these users are staff (instructor or supervisor) of the cohort: their names are never hidden from the class. */
export async function staffAmong(db: Db, cohortId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.cohortId, cohortId), inArray(memberships.userId, [...userIds]), inArray(memberships.role, ["instructor", "supervisor"])));
  return new Set(rows.map((r) => r.id));
}
