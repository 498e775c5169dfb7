import Link from "next/link";
import { TopBar } from "@/components/layout/TopBar";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { listExercisesForUser } from "@/lib/db/queries/exercises";
import { listTranscriptsForUser } from "@/lib/db/queries/transcripts";
import { listCohortsForUser } from "@/lib/db/queries/users";

export const dynamic = "force-dynamic";

function formatDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

export default async function HomePage() {
  const user = await requirePageUser("/");
  const db = await getDb();
  const [cohorts, transcripts, exercises] = await Promise.all([listCohortsForUser(db, user.id), listTranscriptsForUser(db, user.id), listExercisesForUser(db, user.id)]);
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
                  <Link href={`/cohorts/${c.id}/codebook`} className="small">
                    Codebook
                  </Link>
                  <Link href={`/cohorts/${c.id}/progress`} className="small">
                    {c.role === "trainee" ? "My progress" : "Trainee progress"}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="exercises-heading">
          <h2 id="exercises-heading">Coding exercises</h2>
          {cohorts.some((c) => c.role !== "trainee") && transcripts.length > 0 && (
            <p className="small">
              <Link href="/exercises/new">New exercise</Link>
            </p>
          )}
          {exercises.length === 0 ? (
            <p className="muted">No coding exercises yet. A supervisor or instructor sets one up on a transcript.</p>
          ) : (
            <ul className="list card">
              {exercises.map((e) => (
                <li key={e.id}>
                  <strong id={`exercise-${e.id}`}>{e.title}</strong>
                  <span className="badge">{e.mode === "blind" ? "Blind" : "Open"}</span>
                  <span className="badge">{e.state === "coding" ? "Coding" : e.state === "revealed" ? "Revealed" : "Closed"}</span>
                  <span className="muted small">{cohortName.get(e.cohortId)}</span>
                  <span className="muted small">set {formatDate(e.createdAt)}</span>
                  {/* The link names the action; the title describes it (the transcript list links by title). */}
                  <Link href={`/exercises/${e.id}`} className="btn btn-small" aria-describedby={`exercise-${e.id}`} style={{ marginLeft: "auto" }}>
                    Open coding page →
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="transcripts-heading">
          <h2 id="transcripts-heading">Transcripts</h2>
          {/* Import page */}
          {cohorts.some((c) => c.role !== "trainee") && (
            <p className="small">
              <Link href="/transcripts/import">Import a transcript</Link>
            </p>
          )}
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
