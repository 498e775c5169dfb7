import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TopBar } from "@/components/layout/TopBar";
import { ProgressView } from "@/components/progress/ProgressView";
import { can, roleIn } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { cohortHeadline } from "@/lib/db/queries/cohortHeadline";
import { cohortProgress, progressScopeFor } from "@/lib/db/queries/progress";
import { listCohortsForUser } from "@/lib/db/queries/users";
import { parseProgressSettings } from "@/lib/domain/learningCurve";
import { idParam } from "@/lib/validation/member";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Learning curves" };

/**
 * /cohorts/:id/progress — learning curves against the gold key. Any member may open it: staff see every
 * trainee, a trainee only their own curve (progressScopeFor; the query reads nothing else). Settings come
 * from the query string: ?stat=alpha|kappa|ac1|po&bands=krippendorff|landis-koch|cicchetti&criterion=0.70&rule=pooled|dimensions;
 * the statistic and bands default to the cohort's headline (lib/domain/headline).
 */
export default async function ProgressPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const user = await requirePageUser(`/cohorts/${id}/progress`);
  if (!idParam.safeParse(id).success) notFound();
  const db = await getDb();
  const scope = progressScopeFor(user.subject, id);
  if (!scope || !can(user.subject, "cohort.view", { kind: "cohort", cohortId: id })) {
    await recordAudit(db, { userId: user.id, role: null, action: "cohort.progress_view", resource: `cohort:${id}`, outcome: "denied", cohortId: id });
    notFound();
  }
  const [data, cohorts, headline] = await Promise.all([cohortProgress(db, id, scope), listCohortsForUser(db, user.id), cohortHeadline(db, id)]);
  const settings = parseProgressSettings(await searchParams, headline);
  await recordAudit(db, { userId: user.id, role: roleIn(user.subject, id), action: "cohort.progress_view", resource: `cohort:${id}`, outcome: "ok", cohortId: id });
  const cohortName = cohorts.find((c) => c.id === id)?.name ?? "Cohort";
  return (
    <>
      <TopBar userName={user.name} />
      <ProgressView cohortId={id} cohortName={cohortName} data={data} settings={settings} canCreateExercise={can(user.subject, "exercise.create", { kind: "cohort", cohortId: id })} headline={headline} />
    </>
  );
}
