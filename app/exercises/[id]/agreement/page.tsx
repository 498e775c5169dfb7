import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgreementDashboard } from "@/components/agreement/AgreementDashboard";
import type { AgreementData, UnitData } from "@/components/agreement/agreementData";
import { statisticId } from "@/components/agreement/statistics";
import { TopBar } from "@/components/layout/TopBar";
import { auditExercise, exerciseFor } from "@/lib/auth/exerciseAccess";
import { can } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { runUnitData } from "@/lib/db/queries/agreementUnitData";
import { exerciseCodebook } from "@/lib/db/queries/codebooks";
import { headlineSettingForExercise } from "@/lib/db/queries/cohortHeadline";
import { DIMENSIONS, dimensionAbbreviation, dimensionColour, dimensionLabel } from "@/lib/domain/codebook";
import { BAND_SCHEME_IDS } from "@/lib/domain/headline";
import { isAppError } from "@/lib/errors";
import { cohortFor, pageRunData } from "./pageData";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Agreement" };

export default async function AgreementPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requirePageUser(`/exercises/${id}/agreement`);
  const db = await getDb();
  const { exercise, facts } = await exerciseFor(db, user, id).catch((err: unknown) => {
    if (isAppError(err)) notFound();
    throw err;
  });

  if (!can(user.subject, "exercise.agreement", { kind: "exercise", exercise: facts })) {
    await auditExercise(db, user, exercise, "exercise.agreement_view", "denied");
    return (
      <>
        <TopBar userName={user.name} />
        <main className="page agreement-hidden">
          <h1>Agreement is hidden until the reveal</h1>
          <p>
            “{exercise.title}” is a blind exercise. While it is being coded, nobody sees how the other coders coded — not their codes and not the agreement
            computed from them — so that each coding stays independent.
          </p>
          <p>When the instructor reveals the exercise, the agreement per dimension, the coder pairs and the process timeline appear here.</p>
          <p>
            <Link href={`/exercises/${exercise.id}`} className="btn">
              Back to the coding page
            </Link>
          </p>
        </main>
      </>
    );
  }

  const pageData = await pageRunData(db, exercise);
  let initial: AgreementData | null = null;
  let unit: UnitData | null = null;
  if (pageData) {
    // Names and submit choices are the exercise's, read per request; the numbers are the run's.
    initial = { ...pageData.view, coders: exercise.coders.map((c) => ({ id: c.id, name: c.name, ...(c.unreviewed ? { unreviewed: c.unreviewed } : {}) })) };
    if (pageData.run) {
      // Timeline and confusion from the run's own code sets, for the layers this viewer may open — no layer log is replayed.
      const visible = exercise.coders.filter((c) => can(user.subject, "layer.read", { kind: "layer", exercise: facts, coderId: c.id }));
      unit = await runUnitData(db, pageData.run, exercise.transcriptId, visible);
    }
  }
  const cohort = cohortFor(pageData?.cohort ?? null, exercise.coders);
  await auditExercise(db, user, exercise, "exercise.agreement_view");

  const [codebook, headline] = await Promise.all([exerciseCodebook(db, exercise), headlineSettingForExercise(db, exercise.id)]);
  const styles = DIMENSIONS.map((dimension) => {
    const entry = codebook.entries.find((e) => e.dimension === dimension);
    // Colours stay the Okabe–Ito set everywhere (UX): the codebook may rename a dimension, not recolour it.
    return { dimension, label: entry?.label ?? dimensionLabel(dimension), abbreviation: entry?.abbreviation ?? dimensionAbbreviation(dimension), colour: dimensionColour(dimension) };
  });
  const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

  return (
    <AgreementDashboard
      exercise={{ id: exercise.id, title: exercise.title, mode: exercise.mode, state: exercise.state }}
      initial={initial}
      unit={unit}
      cohort={cohort}
      styles={styles}
      headline={headline}
      settings={{
        statistic: statisticId(first(query.stat), headline.statistic),
        scheme: (BAND_SCHEME_IDS as readonly string[]).includes(first(query.bands) ?? "") ? first(query.bands)! : headline.bands,
        poles: first(query.poles) === "1",
      }}
    />
  );
}
