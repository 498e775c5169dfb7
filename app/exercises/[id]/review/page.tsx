import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewWorkspace } from "@/components/coding/review/ReviewWorkspace";
import { TopBar } from "@/components/layout/TopBar";
import { GroupReview } from "@/components/review/GroupReview";
import { TraineeReview } from "@/components/review/TraineeReview";
import { can, roleIn } from "@/lib/auth/can";
import { auditExercise, exerciseFor } from "@/lib/auth/exerciseAccess";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { exerciseCodebook } from "@/lib/db/queries/codebooks";
import { exerciseSnapshot } from "@/lib/db/queries/exercises";
import { isAppError } from "@/lib/errors";
import { loadGroupReview } from "@/lib/review/groupReviewData";
import { reviewMode } from "@/lib/review/reviewMode";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review" };

function Message({ userName, title, children, exerciseId }: { userName: string; title: string; children: React.ReactNode; exerciseId: string }) {
  return (
    <>
      <TopBar userName={userName} />
      <main className="page">
        <h1>{title}</h1>
        {children}
        <p>
          <Link href={`/exercises/${exerciseId}`}>Back to the coding page</Link>
        </p>
      </main>
    </>
  );
}

/**
 * Review after the reveal (lib/review/reviewMode decides which): the group review for staff with a
 * class, the pairwise consensus review for a supervisor with one trainee (or on request), and "me vs
 * key" for a trainee. Each open writes one audit row.
 */
export default async function ReviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const query = await searchParams;
  const requested = typeof query.view === "string" ? query.view : null;
  const user = await requirePageUser(`/exercises/${id}/review`);
  const db = await getDb();
  const { exercise, facts } = await exerciseFor(db, user, id).catch((err: unknown) => {
    if (isAppError(err)) notFound();
    throw err;
  });
  const resource = { kind: "exercise", exercise: facts } as const;
  if (!can(user.subject, "exercise.review", resource)) {
    await auditExercise(db, user, exercise, "exercise.review_view", "denied");
    return (
      <Message userName={user.name} title="Review opens after the reveal" exerciseId={exercise.id}>
        <p>
          “{exercise.title}” is a blind exercise that is still being coded. Nobody sees the other coders&apos; codes until the instructor reveals them — then the
          disagreements can be reviewed here.
        </p>
      </Message>
    );
  }
  const isStaff = can(user.subject, "exercise.manage", resource);
  const keyIsSomeoneElse = exercise.keyCoderId !== null && exercise.keyCoderId !== user.id && exercise.coders.some((c) => c.id === exercise.keyCoderId);
  const mode = reviewMode({ isStaff, isCoder: facts.coderIds.includes(user.id), keyIsSomeoneElse, coderCount: exercise.coders.length, requested });
  const codebook = await exerciseCodebook(db, exercise);

  if (mode === "pair") {
    await auditExercise(db, user, exercise, "exercise.review_view");
    return (
      <ReviewWorkspace
        exercise={exerciseSnapshot(exercise)}
        viewer={{ id: user.id, name: user.name, role: roleIn(user.subject, exercise.cohortId) }}
        codebook={codebook}
        canDecide={can(user.subject, "consensus.write", resource)}
        keyCoderId={exercise.keyCoderId}
        groupHref={isStaff && exercise.coders.length > 2 ? `/exercises/${exercise.id}/review?view=group` : null}
      />
    );
  }

  const data = await loadGroupReview(db, user, exercise, facts);
  if (!data) {
    // An exercise still being coded (open mode) has no reveal to wait for: say what makes the comparison appear.
    const stillCoding = exercise.state === "coding";
    return (
      <Message userName={user.name} title={stillCoding ? "Nothing to compare yet" : "The class's codes are still being gathered"} exerciseId={exercise.id}>
        <p>
          {stillCoding
            ? "The comparison appears here a few seconds after codes are saved, once the coders have coded some of the same client turns."
            : "The server computes the review from everyone's codes right after the reveal; this usually takes a few seconds."}
        </p>
        <p>
          <Link href={`/exercises/${exercise.id}/review${requested ? `?view=${encodeURIComponent(requested)}` : ""}`} className="btn">
            Reload
          </Link>
        </p>
      </Message>
    );
  }
  await auditExercise(db, user, exercise, mode === "group" ? "exercise.group_review_view" : "exercise.feedback_view");
  if (mode === "group") {
    const people: Record<string, string> = Object.fromEntries(exercise.coders.map((c) => [c.id, c.name]));
    people[user.id] = user.name;
    return <GroupReview data={data} people={people} pairwiseHref={exercise.coders.length >= 2 ? `/exercises/${exercise.id}/review?view=pair` : null} />;
  }
  return <TraineeReview data={data} codebook={codebook} viewerName={user.name} />;
}
