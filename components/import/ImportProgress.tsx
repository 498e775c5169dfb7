"use client";

import type { Progress } from "./postForm";

export type WorkKind = "preview" | "refresh" | "import";

const PROCESSING: Readonly<Record<WorkKind, string>> = {
  preview: "Reading the transcript and looking for names, places and dates…",
  refresh: "Updating the suggestions…",
  import: "Saving the transcript…",
};

/** Upload percentage, then an indeterminate bar while the server reads the file; announced politely. */
export function ImportProgress({ kind, progress }: { kind: WorkKind; progress: Progress }) {
  const uploading = progress.phase === "uploading";
  const percent = uploading && progress.fraction !== null ? Math.round(progress.fraction * 100) : null;
  const label = uploading ? `Uploading the transcript${percent !== null ? ` — ${percent}%` : "…"}` : PROCESSING[kind];
  return (
    <div className="import-progress" role="status" aria-live="polite">
      {percent !== null ? <progress max={100} value={percent} aria-label={label} /> : <progress aria-label={label} />}
      <span>{label}</span>
    </div>
  );
}
