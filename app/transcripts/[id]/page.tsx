import { notFound } from "next/navigation";
import { TranscriptWorkspace } from "@/components/transcript/TranscriptWorkspace";
import { can } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { auditTranscript, transcriptFor } from "@/lib/auth/transcriptAccess";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export default async function TranscriptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/transcripts/${id}`);
  const db = await getDb();
  const meta = await transcriptFor(db, user, id, "transcript.read").catch((err: unknown) => {
    if (isAppError(err)) notFound();
    throw err;
  });
  await auditTranscript(db, user, meta, "transcript.view");
  // can() locks the text while a blind exercise codes it (the collaboration server asks the same question).
  const canEdit = can(user.subject, "transcript.edit", meta.resource);
  return <TranscriptWorkspace transcriptId={meta.id} title={meta.title} turnCount={meta.turnCount} user={{ id: user.id, name: user.name }} canEdit={canEdit} canCreateExercise={can(user.subject, "exercise.create", { kind: "cohort", cohortId: meta.cohortId })} canDelete={can(user.subject, "transcript.delete", meta.resource)} />;
}
