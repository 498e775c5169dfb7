"use client";

import { useEffect, useId, useState } from "react";
import { type ProgressSettings, traineeCurves } from "@/lib/domain/learningCurve";
import { TraineeCurves } from "./TraineeCurves";
import { type TraineeDetail, traineeDetailSchema } from "./traineeDetailSchema";

/**
 * A large cohort's progress page shows the table and the cohort chart; one trainee's curves (pooled and per
 * dimension) load when a supervisor picks the trainee — from GET /api/cohorts/:id/progress?trainee=.
 */
export function TraineeDetailLoader({ cohortId, trainees, settings }: { cohortId: string; trainees: ReadonlyArray<{ id: string; name: string }>; settings: ProgressSettings }) {
  const [chosen, setChosen] = useState("");
  const [state, setState] = useState<{ id: string; detail: TraineeDetail | null; error: string | null } | null>(null);
  const selectId = useId();

  useEffect(() => {
    if (!chosen) return;
    let live = true;
    fetch(`/api/cohorts/${encodeURIComponent(cohortId)}/progress?trainee=${encodeURIComponent(chosen)}`, { cache: "no-store" })
      .then(async (res) => {
        if (!res.ok) throw new Error("Could not load this trainee's curves. Try again.");
        return traineeDetailSchema.parse(await res.json());
      })
      .then(
        (detail) => live && setState({ id: chosen, detail, error: null }),
        (err: unknown) => live && setState({ id: chosen, detail: null, error: err instanceof Error ? err.message : "Could not load this trainee's curves." }),
      );
    return () => {
      live = false;
    };
  }, [chosen, cohortId]);

  const current = state && state.id === chosen ? state : null;
  return (
    <section className="progress-section" aria-labelledby="trainee-detail-h" id="trainee-detail">
      <h2 id="trainee-detail-h">One trainee&apos;s curves</h2>
      <div className="progress-pick">
        <label htmlFor={selectId} className="inline-field">
          Trainee{" "}
          <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">— choose a trainee —</option>
            {trainees.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small">Pooled and per-dimension curves with intervals, loaded for the trainee you choose.</span>
      </div>
      {chosen && !current && <p role="status">Loading…</p>}
      {current?.error && <p role="alert">{current.error}</p>}
      {current?.detail && <TraineeCurves curves={traineeCurves(current.detail.exercises, current.detail.trainee, settings)} exercises={current.detail.exercises} settings={settings} own={false} />}
    </section>
  );
}
