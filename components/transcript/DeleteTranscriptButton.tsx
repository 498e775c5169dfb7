"use client";

import { useState } from "react";

/**
 * Instructors delete a transcript for good: its text leaves every table (layers, consensus, snapshots).
 * Asking for the title to be typed makes the cost of a slip clear; audit rows stay.
 */
export function DeleteTranscriptButton({ transcriptId, title }: { transcriptId: string; title: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    const typed = window.prompt(`Delete "${title}" and every code, consensus and agreement made on it? This cannot be undone.\n\nType DELETE to confirm.`);
    if (typed !== "DELETE") return;
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/transcripts/${transcriptId}`, { method: "DELETE" });
    if (res.status === 204) {
      window.location.assign("/");
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    setBusy(false);
    setError(body.error ?? "The transcript could not be deleted. Try again.");
  }

  return (
    <>
      <button type="button" className="btn btn-danger" onClick={() => void onClick()} disabled={busy}>
        {busy ? "Deleting…" : "Delete transcript"}
      </button>
      {error && (
        <span role="alert" className="alert alert-error small">
          {error}
        </span>
      )}
    </>
  );
}
