"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CohortRole } from "@/lib/auth/can";
import { Dialog } from "../coding/Dialog";

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: CohortRole;
}

const ROLE_LABEL: Record<CohortRole, string> = { instructor: "Instructor", supervisor: "Supervisor", trainee: "Trainee" };

async function send(url: string, method: "PATCH" | "DELETE", body?: unknown): Promise<string | null> {
  try {
    // Every state-changing request is JSON (the route wrapper refuses others), a DELETE included.
    const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body ?? {}) });
    if (res.ok) return null;
    const problem = (await res.json().catch(() => null)) as { error?: string } | null;
    return problem?.error ?? "That didn't work. Reload the page and try again.";
  } catch {
    return "No connection to the server. Check your network and try again.";
  }
}

/**
 * The cohort's members for its instructors: change a role in place, remove someone (after a confirmation
 * that says what removal does). The server refuses to leave the cohort without an instructor and says so.
 */
export function MemberList({ cohortId, members, viewerId }: { cohortId: string; members: Member[]; viewerId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  const run = async (member: Member, action: () => Promise<string | null>, done: string) => {
    setBusy(member.userId);
    setMessage(null);
    const problem = await action();
    setBusy(null);
    setRemoving(null);
    setMessage(problem ? { ok: false, text: problem } : { ok: true, text: done });
    if (!problem) router.refresh();
  };

  const url = (m: Member) => `/api/cohorts/${cohortId}/members/${m.userId}`;

  return (
    <>
      {message && (
        <div className={`alert ${message.ok ? "alert-ok" : "alert-error"}`} role={message.ok ? "status" : "alert"}>
          {message.text}
        </div>
      )}
      <ul className="list card member-list" aria-label="Members">
        {members.map((m) => (
          <li key={m.userId}>
            <span className="member-who">
              <strong>{m.name}</strong>
              {m.userId === viewerId && <span className="muted small"> (you)</span>}
              <span className="muted small">{m.email}</span>
            </span>
            <label className="member-role">
              <span className="sr-only">Role of {m.name}</span>
              <select
                value={m.role}
                disabled={busy === m.userId}
                onChange={(event) => {
                  const role = event.currentTarget.value as CohortRole;
                  void run(m, () => send(url(m), "PATCH", { role }), `${m.name} is now ${ROLE_LABEL[role].toLowerCase()}.`);
                }}
              >
                {(Object.keys(ROLE_LABEL) as CohortRole[]).map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABEL[r]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn btn-small btn-danger" disabled={busy === m.userId} onClick={() => setRemoving(m)}>
              {/* One flex item: .btn's gap would otherwise open a space between "Remove" and "…" around the hidden name. */}
              <span>
                Remove<span className="sr-only"> {m.name}</span>…
              </span>
            </button>
          </li>
        ))}
      </ul>
      <Dialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? ""} from the cohort?`}
        onClose={() => setRemoving(null)}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setRemoving(null)} autoFocus>
              Keep
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy !== null}
              onClick={() => removing && void run(removing, () => send(url(removing), "DELETE"), `${removing.name} was removed from the cohort.`)}
            >
              Remove now
            </button>
          </>
        }
      >
        <p>
          They lose access to this cohort&apos;s transcripts and exercises at once — a page they have open stops receiving and saving. Their account and the
          codes they already made stay. You can add them again later.
        </p>
      </Dialog>
    </>
  );
}
