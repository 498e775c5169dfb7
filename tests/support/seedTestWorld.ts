import { hashPassword } from "../../lib/auth/password";
import type { Db } from "../../lib/db/client";
import { createTranscript } from "../../lib/db/queries/transcripts";
import { addMembership, createCohort, createUser } from "../../lib/db/queries/users";
import { demoTranscriptShort } from "../../lib/domain/demoTranscriptShort";

export interface TestUser {
  id: string;
  name: string;
  email: string;
}

export interface TestWorld {
  cohortId: string;
  otherCohortId: string;
  instructor: TestUser;
  supervisor: TestUser;
  trainee: TestUser;
  /** A supervisor of the other cohort: signed in, but a stranger to cohort 1's transcript. */
  outsider: TestUser;
  transcriptId: string;
  password: string;
}

export const TEST_PASSWORD = "coflex-test-password";

/**
 * Two cohorts; cohort 1 has an instructor, a supervisor and a trainee and owns a transcript (the short
 * synthetic demo session); cohort 2 has one supervisor. Emails get a random suffix so several worlds can
 * share one database.
 */
export async function seedTestWorld(db: Db): Promise<TestWorld> {
  const tag = Math.random().toString(36).slice(2, 8);
  // One hash for everyone: scrypt costs ~60 ms and tests do not sign in with different passwords.
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const user = async (role: string): Promise<TestUser> => {
    const name = `${role[0]?.toUpperCase()}${role.slice(1)} ${tag}`;
    const email = `${role}-${tag}@coflex.test`;
    const id = await createUser(db, { email, name, passwordHash });
    return { id, name, email };
  };
  const cohortId = await createCohort(db, `Cohort ${tag}`);
  const otherCohortId = await createCohort(db, `Other cohort ${tag}`);
  const instructor = await user("instructor");
  const supervisor = await user("supervisor");
  const trainee = await user("trainee");
  const outsider = await user("outsider");
  await addMembership(db, cohortId, instructor.id, "instructor");
  await addMembership(db, cohortId, supervisor.id, "supervisor");
  await addMembership(db, cohortId, trainee.id, "trainee");
  await addMembership(db, otherCohortId, outsider.id, "supervisor");
  const transcriptId = await createTranscript(db, {
    cohortId,
    title: demoTranscriptShort.title,
    createdBy: instructor.id,
    turns: demoTranscriptShort.turns,
  });
  return { cohortId, otherCohortId, instructor, supervisor, trainee, outsider, transcriptId, password: TEST_PASSWORD };
}
