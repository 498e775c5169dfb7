"use client";

import { useState } from "react";
import { useCodingSession } from "./CodingContext";
import { Dialog } from "./Dialog";
import type { UnitProgress } from "./exerciseView";
import { post } from "./screenHelpers";

export interface ExerciseDecisionsProps {
  /** Units (client turns by default) the viewer has looked at, of all units. */
  progress: UnitProgress;
  /** Some of the viewer's own changes have not reached the server yet. */
  unsaved: boolean;
  /** Re-read the exercise after a decision changed it. */
  refresh: () => Promise<void>;
}

/** Submit (a coder's) and Reveal (staff in blind mode): a button each, a confirming dialog each. */
export function ExerciseDecisions({ progress, unsaved, refresh }: ExerciseDecisionsProps) {
  const { exercise, view } = useCodingSession();
  const [confirm, setConfirm] = useState<"submit" | "reveal" | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submittedCount = exercise.coders.filter((c) => c.submitted).length;

  const remaining = Math.max(0, progress.turns - progress.reviewed);
  const run = async (action: "submit" | "reveal", body?: { unreviewed: "reviewed" | "missing" }) => {
    setBusy(true);
    setError(null);
    const problem = await post(`/api/exercises/${exercise.id}/${action}`, body);
    await refresh();
    setBusy(false);
    setConfirm(null);
    if (problem) setError(problem);
  };

  return (
    <>
      {view.canCode && (
        <button type="button" className="btn btn-primary" onClick={() => setConfirm("submit")} disabled={busy}>
          Submit…
        </button>
      )}
      {view.canReveal && (
        <button type="button" className="btn btn-primary" onClick={() => setConfirm("reveal")} disabled={busy}>
          Reveal…
        </button>
      )}
      {error && (
        <p className="bar-error" role="alert">
          {error}
        </p>
      )}
      <Dialog
        open={confirm === "submit"}
        title="Submit your coding?"
        onClose={() => setConfirm(null)}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setConfirm(null)} autoFocus>
              Keep coding
            </button>
            {remaining === 0 ? (
              <button type="button" className="btn btn-primary" disabled={busy || unsaved} onClick={() => void run("submit")}>
                {busy ? "Submitting…" : "Submit my codes"}
              </button>
            ) : (
              <>
                <button type="button" className="btn" disabled={busy || unsaved} onClick={() => void run("submit", { unreviewed: "missing" })}>
                  Leave them not looked at
                </button>
                <button type="button" className="btn btn-primary" disabled={busy || unsaved} onClick={() => void run("submit", { unreviewed: "reviewed" })}>
                  Mark reviewed, no code
                </button>
              </>
            )}
          </>
        }
      >
        <p>
          You have reviewed {progress.reviewed} of {progress.turns} {progress.unitLabel}. After submitting, your codes are final for this exercise: you can read them but
          not change them.
        </p>
        {remaining > 0 && (
          <p data-testid="unreviewed-question">
            <strong>
              Mark the remaining {remaining} {remaining === 1 ? progress.unitLabel.replace(/s$/, "") : progress.unitLabel} as reviewed with no code, or leave them as not
              looked at?
            </strong>{" "}
            Reviewed with no code counts as “no process here” in agreement; not looked at leaves them out of your data (missing).
          </p>
        )}
        {unsaved && <p className="alert alert-error">Some codes are not saved yet. Wait for “Saved ✓” before submitting.</p>}
      </Dialog>
      <Dialog
        open={confirm === "reveal"}
        title="Reveal every coder's codes?"
        onClose={() => setConfirm(null)}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setConfirm(null)} autoFocus>
              Not yet
            </button>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run("reveal")}>
              {busy ? "Revealing…" : "Reveal now"}
            </button>
          </>
        }
      >
        <p>
          {submittedCount} of {exercise.coders.length} coders have submitted. After the reveal every coder sees everyone's codes and coding ends — layers become
          read-only. This can't be undone.
        </p>
      </Dialog>
    </>
  );
}
