import { hashPassword } from "../../lib/auth/password";
import type { Db } from "../../lib/db/client";
import { createExercise } from "../../lib/db/queries/exercises";
import { createTranscript } from "../../lib/db/queries/transcripts";
import { addMembership, createCohort, createUser } from "../../lib/db/queries/users";
import { demoTranscript } from "../../lib/domain/demoTranscript";

/**
 * A small cohort with no history, for the learning-curve spec: the demo cohort now ships a term of
 * revealed exercises (lib/db/seedHistory.ts), so its progress page can no longer show the empty state or
 * the two-trainee figures that spec checks. Own accounts (the demo's names, other emails), one copy of the
 * demo transcript, and one open exercise with a key — which the progress page says it does not count.
 */
export const PROGRESS_COHORT = {
  name: "Progress cohort (e2e)",
  instructor: { email: "progress-instructor@coflex.test", name: "Ines Lindqvist" },
  key: { email: "progress-key@coflex.test", name: "Sam Okoro" },
  tara: { email: "progress-tara@coflex.test", name: "Tara Nguyen" },
  theo: { email: "progress-theo@coflex.test", name: "Theo Brandt" },
} as const;

export async function seedProgressCohort(db: Db, password: string): Promise<{ cohortId: string; transcriptId: string }> {
  const passwordHash = await hashPassword(password);
  const cohortId = await createCohort(db, PROGRESS_COHORT.name);
  const ids: Record<"instructor" | "key" | "tara" | "theo", string> = { instructor: "", key: "", tara: "", theo: "" };
  const roles = { instructor: "instructor", key: "supervisor", tara: "trainee", theo: "trainee" } as const;
  for (const who of ["instructor", "key", "tara", "theo"] as const) {
    ids[who] = await createUser(db, { ...PROGRESS_COHORT[who], passwordHash });
    await addMembership(db, cohortId, ids[who], roles[who]);
  }
  const transcriptId = await createTranscript(db, { cohortId, title: `${demoTranscript.title} (progress e2e)`, createdBy: ids.instructor, turns: demoTranscript.turns });
  await createExercise(db, {
    cohortId,
    transcriptId,
    title: "Open co-coding with a key (not counted)",
    mode: "open",
    revealRule: "instructor",
    coderIds: [ids.key, ids.tara, ids.theo],
    keyCoderId: ids.key,
    codersSettle: false,
    codebookId: null,
    codebookVersion: 1,
    createdBy: ids.instructor,
  });
  return { cohortId, transcriptId };
}
