import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewWorkspace } from "@/components/coding/review/ReviewWorkspace";
import { TopBar } from "@/components/layout/TopBar";
import { roleIn } from "@/lib/auth/can";
import { auditExercise, exerciseFor } from "@/lib/auth/exerciseAccess";
import { consensusAccess } from "@/lib/auth/exerciseRules";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { exerciseCodebook } from "@/lib/db/queries/codebooks";
import { exerciseSnapshot } from "@/lib/db/queries/exercises";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review disagreements" };

/** Consensus review: open once the exercise's rules let the viewer see every layer (after the reveal in blind mode). */
export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/exercises/${id}/review`);
  const db = await getDb();
  const { exercise, facts } = await exerciseFor(db, user, id).catch((err: unknown) => {
    if (isAppError(err)) notFound();
    throw err;
  });
  const access = consensusAccess(user.subject, facts);
  if (access === "none") {
    await auditExercise(db, user, exercise, "exercise.review_view", "denied");
    return (
      <>
        <TopBar userName={user.name} />
        <main className="page">
          <h1>Review opens after the reveal</h1>
          <p>
            “{exercise.title}” is a blind exercise that is still being coded. Nobody sees the other coders&apos; codes until the instructor reveals them — then
            the disagreements can be reviewed here.
          </p>
          <p>
            <Link href={`/exercises/${exercise.id}`}>Back to the coding page</Link>
          </p>
        </main>
      </>
    );
  }
  await auditExercise(db, user, exercise, "exercise.review_view");
  const codebook = await exerciseCodebook(db, exercise);
  return (
    <ReviewWorkspace
      exercise={exerciseSnapshot(exercise)}
      viewer={{ id: user.id, name: user.name, role: roleIn(user.subject, exercise.cohortId) }}
      codebook={codebook}
      canDecide={access === "write"}
      keyCoderId={exercise.keyCoderId}
    />
  );
}
