import { type Action, can, roleIn } from "./can";
import type { CurrentUser } from "./currentUser";
import type { Db } from "../db/client";
import { recordAudit } from "../db/queries/audit";
import { type TranscriptMeta, getTranscriptMeta } from "../db/queries/transcripts";
import { AppError } from "../errors";

/**
 * Loads a transcript the user may act on. A forbidden transcript and a missing one both answer "not
 * found" (CONTRACTS §4), and the refusal is audited.
 */
export async function transcriptFor(db: Db, user: CurrentUser, id: string, action: Action): Promise<TranscriptMeta> {
  const meta = await getTranscriptMeta(db, id);
  if (!meta || !can(user.subject, action, { kind: "transcript", cohortId: meta.cohortId })) {
    await recordAudit(db, { userId: user.id, role: meta ? roleIn(user.subject, meta.cohortId) : null, action, resource: `transcript:${id}`, outcome: "denied", cohortId: meta?.cohortId });
    throw new AppError("not_found", "No such transcript, or you do not have access to it.");
  }
  return meta;
}

export async function auditTranscript(db: Db, user: CurrentUser, meta: TranscriptMeta, action: string): Promise<void> {
  await recordAudit(db, { userId: user.id, role: roleIn(user.subject, meta.cohortId), action, resource: `transcript:${meta.id}`, outcome: "ok", cohortId: meta.cohortId });
}
