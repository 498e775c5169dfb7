"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useExerciseWatch } from "@/lib/collab/useExerciseWatch";
import { type AgreementData, agreementDataSchema } from "./agreementData";

export type RefreshState = "live" | "paused" | "offline" | "error";

export interface AgreementRun {
  data: AgreementData | null;
  /** When the page last heard from the server (ms since epoch), null before the first look. */
  checkedAt: number | null;
  state: RefreshState;
}

/**
 * The current agreement: pushed by the server on the exercise's watch room within a second of any change
 * (lib/collab/useExerciseWatch; only to viewers allowed to see it), read once from GET
 * /api/exercises/:id/agreement when there is no initial data and again on focus. 404 means "no agreement
 * yet" (or not visible — the route answers both alike). `onNewRun` fires when different numbers arrive,
 * so the page can refresh what it built from them. Nothing polls.
 */
export function useAgreementRun(exerciseId: string, initial: AgreementData | null, active: boolean, onNewRun?: () => void): AgreementRun {
  const [run, setRun] = useState<AgreementRun>({ data: initial, checkedAt: null, state: active ? "live" : "paused" });
  const inFlight = useRef(false);
  const latest = useRef(initial ? `${initial.runId}@${initial.computedAt}` : "none");
  const onNew = useRef(onNewRun);
  useEffect(() => {
    onNew.current = onNewRun;
  }, [onNewRun]);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const res = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/agreement`, { cache: "no-store" });
      if (res.status === 404) {
        setRun((r) => ({ data: null, checkedAt: Date.now(), state: r.state === "paused" ? "paused" : "live" }));
        if (latest.current !== "none") {
          latest.current = "none";
          onNew.current?.();
        }
        return;
      }
      if (!res.ok) {
        setRun((r) => ({ ...r, state: "error" }));
        return;
      }
      const parsed = agreementDataSchema.safeParse(await res.json());
      if (!parsed.success) {
        setRun((r) => ({ ...r, state: "error" }));
        return;
      }
      const tag = `${parsed.data.runId}@${parsed.data.computedAt}`;
      const changed = tag !== latest.current;
      latest.current = tag;
      setRun((r) => ({ data: changed || !r.data ? parsed.data : r.data, checkedAt: Date.now(), state: active ? "live" : "paused" }));
      if (changed) onNew.current?.();
    } catch {
      setRun((r) => ({ ...r, state: "offline" }));
    } finally {
      inFlight.current = false;
    }
  }, [exerciseId, active]);

  // Without numbers from the server page (the codes panel), look once straight away.
  const fetchOnMount = useRef(initial === null);
  useEffect(() => {
    if (fetchOnMount.current) {
      fetchOnMount.current = false;
      void refresh();
    }
  }, [refresh]);

  const status = useExerciseWatch(exerciseId, {
    onAgreement: (view) => {
      const tag = `${view.runId}@${view.computedAt}`;
      const changed = tag !== latest.current;
      latest.current = tag;
      setRun((r) => ({ data: changed || !r.data ? view : r.data, checkedAt: Date.now(), state: active ? "live" : "paused" }));
      if (changed) onNew.current?.();
    },
  });
  useEffect(() => {
    if (status === "offline") setRun((r) => (r.state === "offline" ? r : { ...r, state: "offline" }));
  }, [status]);

  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refresh]);

  return run;
}
