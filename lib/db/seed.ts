import { eq } from "drizzle-orm";
import { hashPassword } from "../auth/password";
import { demoTranscript } from "../domain/demoTranscript";
import type { Db } from "./client";
import { cohortCodebook } from "./queries/codebooks";
import { createExercise } from "./queries/exercises";
import { createTranscript } from "./queries/transcripts";
import { addMembership, createCohort, createUser, findUserByEmail } from "./queries/users";
import { cohorts } from "./schema";
import { seedHistory } from "./seedHistory";

export const DEMO_PASSWORD = "coflex-demo";
export const DEMO_COHORT = "Demo cohort";
export const DEMO_EXERCISE = "Open co-coding: thesis avoidance";
export const DEMO_ACCOUNTS = [
  { email: "instructor@coflex.test", name: "Irene Lindqvist", role: "instructor" },
  { email: "supervisor@coflex.test", name: "Dana Okafor", role: "supervisor" },
  { email: "trainee1@coflex.test", name: "Tara Nguyen", role: "trainee" },
  { email: "trainee2@coflex.test", name: "Theo Brandt", role: "trainee" },
] as const;

/**
 * Seeds the demo (CONTRACTS §2) once: it does nothing when the demo cohort exists. Besides the four
 * accounts, the thesis session and the open exercise, a term of history (./seedHistory: twelve
 * trainees in all, four revealed keyed exercises, one in progress). The caller runs it at
 * start inside the single server process, so two seeds never race on one database.
 */
export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  const existing = await db.select({ id: cohorts.id }).from(cohorts).where(eq(cohorts.name, DEMO_COHORT)).limit(1);
  if (existing.length > 0) return { seeded: false };
  const cohortId = await createCohort(db, DEMO_COHORT);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids: Record<string, string> = {};
  for (const account of DEMO_ACCOUNTS) {
    const found = await findUserByEmail(db, account.email);
    const userId = found?.id ?? (await createUser(db, { email: account.email, name: account.name, passwordHash }));
    ids[account.role === "trainee" ? account.email : account.role] = userId;
    await addMembership(db, cohortId, userId, account.role);
  }
  const transcriptId = await createTranscript(db, {
    cohortId,
    title: demoTranscript.title,
    createdBy: ids.supervisor ?? null,
    turns: demoTranscript.turns,
  });
  const codebook = await cohortCodebook(db, cohortId);
  const supervisor = ids.supervisor;
  const trainee1 = ids["trainee1@coflex.test"];
  // The course so far (issue 9): trainee1 and trainee2 are two of its twelve trainees.
  if (supervisor && ids.instructor) {
    await seedHistory(db, { cohortId, supervisorId: supervisor, instructorId: ids.instructor, passwordHash, codebookId: codebook.id, codebookVersion: codebook.codebook.version, openTranscriptId: transcriptId });
  }
  if (supervisor && trainee1) {
    await createExercise(db, {
      cohortId,
      transcriptId,
      title: DEMO_EXERCISE,
      mode: "open",
      revealRule: "instructor",
      coderIds: [supervisor, trainee1],
      keyCoderId: supervisor,
      codersSettle: false,
      codebookId: codebook.id,
      codebookVersion: codebook.codebook.version,
      createdBy: supervisor,
    });
  }
  return { seeded: true };
}
