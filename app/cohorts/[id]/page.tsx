import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { AddMemberForm } from "@/components/cohort/AddMemberForm";
import { HeadlineSettingForm } from "@/components/cohort/HeadlineSettingForm";
import { MemberList } from "@/components/cohort/MemberList";
import { TopBar } from "@/components/layout/TopBar";
import { can, roleIn } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { cohortHeadline } from "@/lib/db/queries/cohortHeadline";
import { listCohortMembers, listCohortsForUser } from "@/lib/db/queries/users";

export const dynamic = "force-dynamic";

export default async function CohortPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/cohorts/${id}`);
  // A member without the role is told so (403); to anyone else the cohort does not exist (404).
  if (!can(user.subject, "cohort.manage_members", { kind: "cohort", cohortId: id })) return roleIn(user.subject, id) ? forbidden() : notFound();
  const db = await getDb();
  const [members, cohorts, headline] = await Promise.all([listCohortMembers(db, id), listCohortsForUser(db, user.id), cohortHeadline(db, id)]);
  const cohort = cohorts.find((c) => c.id === id);
  return (
    <>
      <TopBar userName={user.name} />
      <main className="page">
        <h1>{cohort?.name ?? "Cohort"} — members</h1>
        <p className="small">
          <Link href={`/cohorts/${id}/audit`}>Audit trail</Link> · <Link href={`/cohorts/${id}/codebook`}>Codebook</Link> · <Link href={`/cohorts/${id}/progress`}>Learning curves</Link> · <a href="#headline-setting">Headline statistic</a>
        </p>
        <MemberList cohortId={id} members={members} viewerId={user.id} />
        <h2>Add a member</h2>
        <AddMemberForm cohortId={id} />
        <h2 id="headline-setting">Headline statistic</h2>
        <HeadlineSettingForm cohortId={id} setting={headline} />
      </main>
    </>
  );
}
