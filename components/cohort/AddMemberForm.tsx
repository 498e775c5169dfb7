"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

export function AddMemberForm({ cohortId }: { cohortId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setMessage(null);
    const res = await fetch(`/api/cohorts/${cohortId}/members`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: form.get("name"),
        email: form.get("email"),
        role: form.get("role"),
        ...(password ? { password } : {}),
      }),
    });
    const body = (await res.json().catch(() => ({}))) as { error?: string; created?: boolean };
    setBusy(false);
    if (!res.ok) {
      setMessage({ ok: false, text: body.error ?? "The member could not be added. Try again." });
      return;
    }
    setMessage({ ok: true, text: body.created ? "Account created and added to the cohort." : "Existing account added to the cohort." });
    formElement.reset();
    router.refresh();
  }

  return (
    <form className="form card" onSubmit={onSubmit}>
      <label>
        Name
        <input name="name" required maxLength={120} />
      </label>
      <label>
        Email
        <input name="email" type="email" required />
      </label>
      <label>
        Role
        <select name="role" defaultValue="trainee">
          <option value="trainee">Trainee</option>
          <option value="supervisor">Supervisor</option>
          <option value="instructor">Instructor</option>
        </select>
      </label>
      <label>
        Initial password <span className="muted small">(new accounts only, at least 10 characters)</span>
        <input name="password" type="password" minLength={10} autoComplete="new-password" />
      </label>
      {message && (
        <div className={`alert ${message.ok ? "alert-ok" : "alert-error"}`} role={message.ok ? "status" : "alert"}>
          {message.text}
        </div>
      )}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        {busy ? "Adding…" : "Add member"}
      </button>
    </form>
  );
}
