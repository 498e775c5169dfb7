import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodebookEditor } from "@/components/codebook/CodebookEditor";
import { CodebookHistory } from "@/components/codebook/CodebookHistory";
import { TopBar } from "@/components/layout/TopBar";
import { can } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { listCodebookVersions } from "@/lib/db/queries/codebookVersions";
import { codebookVersion, cohortCodebook } from "@/lib/db/queries/codebooks";
import { listCohortsForUser } from "@/lib/db/queries/users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Codebook" };

/** The cohort's codebook: everyone in the cohort reads it; its instructors save edited copies as new versions. */
export default async function CodebookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> }) {
  const { id } = await params;
  const { version: asked } = await searchParams;
  const user = await requirePageUser(`/cohorts/${id}/codebook`);
  if (!can(user.subject, "cohort.view", { kind: "cohort", cohortId: id })) notFound();
  const db = await getDb();
  const current = await cohortCodebook(db, id);
  const [versions, cohorts] = await Promise.all([listCodebookVersions(db, id), listCohortsForUser(db, user.id)]);
  const cohortName = cohorts.find((c) => c.id === id)?.name ?? "Cohort";
  const askedVersion = asked && /^\d{1,6}$/.test(asked) ? Number(asked) : null;
  const older = askedVersion !== null && askedVersion !== current.codebook.version ? await codebookVersion(db, id, askedVersion) : null;
  if (askedVersion !== null && askedVersion !== current.codebook.version && !older) notFound();
  const shown = older ?? current.codebook;
  const isInstructor = can(user.subject, "cohort.manage_members", { kind: "cohort", cohortId: id });
  const savedAt = versions.find((v) => v.version === shown.version);
  return (
    <>
      <TopBar userName={user.name} />
      <main className="page codebook-page">
        <p className="small crumbs">
          <Link href="/">Home</Link>
          {isInstructor && (
            <>
              {" · "}
              <Link href={`/cohorts/${id}`}>{cohortName} — members</Link>
            </>
          )}
        </p>
        <h1>Codebook — {cohortName}</h1>
        <p className="codebook-summary">
          <strong>{shown.name}</strong> <span className="badge badge-version">version {shown.version}</span>
          {older ? <span className="badge">older version</span> : <span className="badge">current</span>}
          {savedAt && (
            <span className="muted small">
              {" "}
              saved {formatWhen(savedAt.createdAt)}
              {savedAt.createdByName ? ` by ${savedAt.createdByName}` : " (the default codebook)"}
            </span>
          )}
        </p>
        {older && (
          <p className="alert alert-info" role="note">
            You are reading version {shown.version}, kept as it was: it cannot be edited, and exercises set with it still use it. <Link href={`/cohorts/${id}/codebook`}>Back to the current version ({current.codebook.version})</Link>
          </p>
        )}
        <div className="codebook-layout">
          <CodebookEditor
            cohortId={id}
            codebook={shown}
            canEdit={isInstructor && !older}
            readOnlyReason={older ? "older" : isInstructor ? null : "role"}
          />
          <CodebookHistory
            cohortId={id}
            shownVersion={shown.version}
            currentVersion={current.codebook.version}
            versions={versions.map((v) => ({ version: v.version, when: formatWhen(v.createdAt), by: v.createdByName }))}
          />
        </div>
      </main>
    </>
  );
}

function formatWhen(date: Date): string {
  return date.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}
