import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CodingWorkspace } from "@/components/coding/CodingWorkspace";
import { roleIn } from "@/lib/auth/can";
import { auditExercise, exerciseFor } from "@/lib/auth/exerciseAccess";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { exerciseCodebook } from "@/lib/db/queries/codebooks";
import { headlineSettingForExercise } from "@/lib/db/queries/cohortHeadline";
import { exerciseSnapshot } from "@/lib/db/queries/exercises";
import { isAppError } from "@/lib/errors";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Coding" };

/**
 * The coding page. The server decides who the viewer is in this exercise; the client component asks for
 * exactly the rooms the same rules allow (the collaboration server enforces them again).
 */
export default async function ExercisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/exercises/${id}`);
  const db = await getDb();
  const { exercise } = await exerciseFor(db, user, id).catch((err: unknown) => {
    if (isAppError(err)) notFound();
    throw err;
  });
  await auditExercise(db, user, exercise, "exercise.view");
  // Codes are made against the codebook version the exercise was set with.
  const [codebook, headline] = await Promise.all([exerciseCodebook(db, exercise), headlineSettingForExercise(db, exercise.id)]);
  return (
    <CodingWorkspace
      exercise={{ ...exerciseSnapshot(exercise), headline }}
      viewer={{ id: user.id, name: user.name, role: roleIn(user.subject, exercise.cohortId) }}
      codebook={codebook}
    />
  );
}
