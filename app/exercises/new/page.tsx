import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExerciseSetupForm, type SetupCohort, type SetupTranscript } from "@/components/exercise-setup/ExerciseSetupForm";
import { TopBar } from "@/components/layout/TopBar";
import { can } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { cohortCodebook } from "@/lib/db/queries/codebooks";
import { listTranscriptsForUser } from "@/lib/db/queries/transcripts";
import { listCohortMembers, listCohortsForUser } from "@/lib/db/queries/users";
import { idParam } from "@/lib/validation/member";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New exercise" };

/** Supervisors and instructors set up a coding exercise on one of their cohorts' transcripts. */
export default async function NewExercisePage({ searchParams }: { searchParams: Promise<{ transcriptId?: string }> }) {
  const { transcriptId: asked } = await searchParams;
  const given = asked && idParam.safeParse(asked).success ? asked : null;
  const user = await requirePageUser(given ? `/exercises/new?transcriptId=${encodeURIComponent(given)}` : "/exercises/new");
  const isStaffIn = (cohortId: string) => can(user.subject, "exercise.create", { kind: "cohort", cohortId });
  const db = await getDb();
  const [allTranscripts, cohortRows] = await Promise.all([listTranscriptsForUser(db, user.id), listCohortsForUser(db, user.id)]);
  const transcripts: SetupTranscript[] = allTranscripts
    .filter((t) => isStaffIn(t.cohortId))
    .map((t) => ({ id: t.id, title: t.title, cohortId: t.cohortId, turnCount: t.turnCount }));
  // A transcript the viewer cannot set exercises on looks the same as a missing one.
  if (asked && !transcripts.some((t) => t.id === asked)) notFound();

  const cohortIds = [...new Set(transcripts.map((t) => t.cohortId))];
  const cohorts: Record<string, SetupCohort> = {};
  for (const cohortId of cohortIds) {
    const [members, codebook] = await Promise.all([listCohortMembers(db, cohortId), cohortCodebook(db, cohortId)]);
    cohorts[cohortId] = {
      name: cohortRows.find((c) => c.id === cohortId)?.name ?? "Cohort",
      members: members.map((m) => ({ id: m.userId, name: m.name, email: m.email, role: m.role })),
      codebookVersion: codebook.codebook.version,
    };
  }
  const staff = cohortRows.some((c) => isStaffIn(c.id));

  return (
    <>
      <TopBar userName={user.name} />
      <main className="page setup-page">
        <p className="small crumbs">
          <Link href="/">Home</Link>
          {given && (
            <>
              {" · "}
              <Link href={`/transcripts/${given}`}>{transcripts.find((t) => t.id === given)?.title ?? "Transcript"}</Link>
            </>
          )}
        </p>
        <h1>New coding exercise</h1>
        {!staff ? (
          <p className="alert alert-info">Only supervisors and instructors set up exercises. Ask one of them to add you as a coder.</p>
        ) : transcripts.length === 0 ? (
          <p className="alert alert-info">
            There is no transcript to code yet. <Link href="/transcripts/import">Import a transcript</Link> first, then set up an exercise on it.
          </p>
        ) : (
          <ExerciseSetupForm transcripts={transcripts} cohorts={cohorts} initialTranscriptId={given} viewerId={user.id} />
        )}
      </main>
    </>
  );
}
