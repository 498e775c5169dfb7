import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { TopBar } from "@/components/layout/TopBar";
import { can, roleIn } from "@/lib/auth/can";
import { requirePageUser } from "@/lib/auth/requirePageUser";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit";
import { auditFilterChoices, listCohortAudit } from "@/lib/db/queries/auditRead";
import { auditFilterOf, auditQuerySchema, auditSearch } from "@/lib/validation/auditFilter";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit trail" };

const PAGE = 100;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const query = auditQuerySchema.parse(await searchParams);
  const user = await requirePageUser(`/cohorts/${id}/audit`);
  // A member without the role is told so (403); to anyone else the cohort does not exist (404).
  if (!can(user.subject, "cohort.view_audit", { kind: "cohort", cohortId: id })) return roleIn(user.subject, id) ? forbidden() : notFound();
  const db = await getDb();
  const filter = auditFilterOf(query);
  const [rows, choices] = await Promise.all([listCohortAudit(db, id, { limit: PAGE, before: query.before, filter }), auditFilterChoices(db, id)]);
  await recordAudit(db, { userId: user.id, role: roleIn(user.subject, id), action: "audit.view", resource: `cohort:${id}`, outcome: "ok", cohortId: id });
  const last = rows[rows.length - 1];
  const filtered = Boolean(query.action || query.person || query.from || query.to);
  return (
    <>
      <TopBar userName={user.name} />
      <main className="page page-wide">
        <p className="small">
          <Link href={`/cohorts/${id}`}>← Members</Link>
        </p>
        <h1>Audit trail</h1>
        <p className="muted small">Every view, import, export, reveal, membership change and deletion in this cohort. Rows cannot be changed or deleted.</p>
        <form className="audit-filters card" method="get" aria-label="Filter the audit trail">
          <label>
            Action
            <select name="action" defaultValue={query.action ?? ""}>
              <option value="">All actions</option>
              {choices.actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            Person
            <select name="person" defaultValue={query.person ?? ""}>
              <option value="">Everyone</option>
              {choices.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            From (UTC)
            <input type="date" name="from" defaultValue={query.from ?? ""} />
          </label>
          <label>
            To (UTC, inclusive)
            <input type="date" name="to" defaultValue={query.to ?? ""} />
          </label>
          <span className="audit-filter-actions">
            <button type="submit" className="btn btn-primary">
              Filter
            </button>
            {filtered && (
              <Link href={`/cohorts/${id}/audit`} className="btn">
                Clear
              </Link>
            )}
            <a href={`/api/cohorts/${id}/audit${auditSearch(query)}`} className="btn" download>
              Export CSV
            </a>
          </span>
        </form>
        {rows.length === 0 ? (
          <p className="muted" data-testid="audit-empty">
            {filtered ? "Nothing matches these filters." : "Nothing recorded yet."}
          </p>
        ) : (
          <table className="table card" data-testid="audit-table">
            <caption className="sr-only">Audit entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Role</th>
                <th scope="col">Action</th>
                <th scope="col">What</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{r.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                  <td>{r.userName ?? "—"}</td>
                  <td>{r.role ?? "—"}</td>
                  <td className="mono">{r.action}</td>
                  <td title={r.resource}>{r.resourceLabel}</td>
                  <td className={r.outcome === "ok" ? "" : "outcome-bad"}>{r.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="audit-paging">
          {query.before !== undefined && <Link href={`/cohorts/${id}/audit${auditSearch(query)}`}>← Newest entries</Link>}
          {rows.length === PAGE && last && <Link href={`/cohorts/${id}/audit${auditSearch(query, { before: String(last.id) })}`}>Older entries →</Link>}
        </p>
      </main>
    </>
  );
}
