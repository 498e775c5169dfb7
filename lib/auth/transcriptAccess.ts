import { type TranscriptResource, can, roleIn } from "./can";
import type { CurrentUser } from "./currentUser";
import type { Db } from "../db/client";
import { recordAudit } from "../db/queries/audit";
import { listExercisesForTranscript } from "../db/queries/exercises";
import { type TranscriptMeta, getTranscriptMeta } from "../db/queries/transcripts";
import { AppError } from "../errors";

export type TranscriptAction = "transcript.read" | "transcript.edit" | "transcript.delete";

/** The transcript as can() sees it, with the exercises on it, so can() decides the lock itself. */
export async function transcriptResource(db: Db, meta: Pick<TranscriptMeta, "id" | "cohortId">): Promise<TranscriptResource> {
  const exercises = await listExercisesForTranscript(db, meta.id);
  return { kind: "transcript", cohortId: meta.cohortId, exercises: exercises.map((e) => ({ mode: e.mode, state: e.state })) };
}

/**
 * Loads a transcript the user may act on. A forbidden transcript and a missing one both answer "not
 * found" (CONTRACTS §4), and the refusal is audited. The resource comes back too, for further questions
 * (may they also edit it? delete it?).
 */
export async function transcriptFor(db: Db, user: CurrentUser, id: string, action: TranscriptAction): Promise<TranscriptMeta & { resource: TranscriptResource }> {
  const meta = await getTranscriptMeta(db, id);
  const resource = meta ? await transcriptResource(db, meta) : null;
  if (!meta || !resource || !can(user.subject, action, resource)) {
    await recordAudit(db, { userId: user.id, role: meta ? roleIn(user.subject, meta.cohortId) : null, action, resource: `transcript:${id}`, outcome: "denied", cohortId: meta?.cohortId });
    throw new AppError("not_found", "No such transcript, or you do not have access to it.");
  }
  return { ...meta, resource };
}

export async function auditTranscript(db: Db, user: CurrentUser, meta: TranscriptMeta, action: string): Promise<void> {
  await recordAudit(db, { userId: user.id, role: roleIn(user.subject, meta.cohortId), action, resource: `transcript:${meta.id}`, outcome: "ok", cohortId: meta.cohortId });
}
