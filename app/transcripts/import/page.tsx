import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/import/ImportWizard";
import { TopBar } from "@/components/layout/TopBar";
import { can } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { listCohortsForUser } from "@/lib/db/queries/users";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import a transcript" };

export default async function ImportTranscriptPage() {
  const user = await requirePageUser("/transcripts/import");
  const db = await getDb();
  const cohorts = (await listCohortsForUser(db, user.id)).filter((c) => can(user.subject, "transcript.create", { kind: "cohort", cohortId: c.id }));
  return (
    <>
      <TopBar userName={user.name} />
      <main className="page import-page">
        <p className="small">
          <Link href="/">← Home</Link>
        </p>
        <h1>Import a transcript</h1>
        {cohorts.length === 0 ? (
          <div className="card">
            <p>Only supervisors and instructors can import transcripts.</p>
            <p className="muted">If a session should be added to your cohort, ask your supervisor or instructor to import it.</p>
          </div>
        ) : (
          <>
            <p className="muted">
              Transcripts are sensitive health information. Coflex reads the file, shows you who speaks and what could identify someone, and stores
              nothing until you have checked it and pressed Import.
            </p>
            <ImportWizard cohorts={cohorts.map((c) => ({ id: c.id, name: c.name }))} />
          </>
        )}
      </main>
    </>
  );
}
