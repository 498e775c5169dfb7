import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { TopBar } from "@/components/layout/TopBar";
import { can, roleIn } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { listCohortAudit } from "@/lib/db/queries/auditRead";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit trail" };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string }> }) {
  const { id } = await params;
  const { before } = await searchParams;
  const user = await requirePageUser(`/cohorts/${id}/audit`);
  // A member without the role is told so (403); to anyone else the cohort does not exist (404).
  if (!can(user.subject, "cohort.view_audit", { kind: "cohort", cohortId: id })) return roleIn(user.subject, id) ? forbidden() : notFound();
  const db = await getDb();
  const beforeId = before && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
  const rows = await listCohortAudit(db, id, { limit: 100, before: beforeId });
  await recordAudit(db, { userId: user.id, role: roleIn(user.subject, id), action: "audit.view", resource: `cohort:${id}`, outcome: "ok", cohortId: id });
  const last = rows[rows.length - 1];
  return (
    <>
      <TopBar userName={user.name} />
      <main className="page">
        <p className="small">
          <Link href={`/cohorts/${id}`}>← Members</Link>
        </p>
        <h1>Audit trail</h1>
        <p className="muted small">Every view, import, export, reveal and deletion in this cohort. Rows cannot be changed or deleted.</p>
        {rows.length === 0 ? (
          <p className="muted">Nothing recorded yet.</p>
        ) : (
          <table className="table card">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Role</th>
                <th scope="col">Action</th>
                <th scope="col">Resource</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                  <td>{r.userName ?? "—"}</td>
                  <td>{r.role ?? "—"}</td>
                  <td>{r.action}</td>
                  <td className="mono">{r.resource}</td>
                  <td className={r.outcome === "ok" ? "" : "outcome-bad"}>{r.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {rows.length === 100 && last && (
          <p>
            <Link href={`/cohorts/${id}/audit?before=${last.id}`}>Older entries →</Link>
          </p>
        )}
      </main>
    </>
  );
}
