import Link from "next/link";
import { TopBar } from "@/components/layout/TopBar";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { listTranscriptsForUser } from "@/lib/db/queries/transcripts";
import { listCohortsForUser } from "@/lib/db/queries/users";

export const dynamic = "force-dynamic";

function formatDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

export default async function HomePage() {
  const user = await requirePageUser("/");
  const db = await getDb();
  const [cohorts, transcripts] = await Promise.all([listCohortsForUser(db, user.id), listTranscriptsForUser(db, user.id)]);
  const cohortName = new Map(cohorts.map((c) => [c.id, c.name]));
  return (
    <>
      <TopBar userName={user.name} />
      <main className="page">
        <h1>Welcome, {user.name.split(" ")[0]}</h1>
        <section aria-labelledby="cohorts-heading">
          <h2 id="cohorts-heading">Your cohorts</h2>
          {cohorts.length === 0 ? (
            <p className="muted">You are not in a cohort yet. Ask your instructor to add you.</p>
          ) : (
            <ul className="list card">
              {cohorts.map((c) => (
                <li key={c.id}>
                  <strong>{c.name}</strong>
                  <span className="badge">{c.role}</span>
                  {c.role === "instructor" && (
                    <Link href={`/cohorts/${c.id}`} className="small">
                      Manage members
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="transcripts-heading">
          <h2 id="transcripts-heading">Transcripts</h2>
          {transcripts.length === 0 ? (
            <p className="muted">No transcripts yet. A supervisor or instructor can add one to your cohort.</p>
          ) : (
            <ul className="list card">
              {transcripts.map((t) => (
                <li key={t.id}>
                  <Link href={`/transcripts/${t.id}`}>
                    <strong>{t.title}</strong>
                  </Link>
                  <span className="muted small">{t.turnCount} turns</span>
                  <span className="muted small">{cohortName.get(t.cohortId)}</span>
                  <span className="muted small">added {formatDate(t.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}
