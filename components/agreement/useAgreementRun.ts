"use client";

import { useEffect, useRef, useState } from "react";
import { keepIntervals } from "@/lib/agreement/keepIntervals";
import { useExerciseWatch } from "@/lib/collab/useExerciseWatch";
import { useServerRead } from "@/lib/collab/useServerRead";
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
 * /api/exercises/:id/agreement when there is no initial data and again on focus (lib/collab/useServerRead,
 * zod-validated). 404 means "no agreement yet" (or not visible — the route answers both alike). `onNewRun` fires when different numbers arrive,
 * so the page can refresh what it built from them. Nothing polls.
 */
export function useAgreementRun(exerciseId: string, initial: AgreementData | null, active: boolean, onNewRun?: () => void): AgreementRun {
  const [run, setRun] = useState<AgreementRun>({ data: initial, checkedAt: null, state: active ? "live" : "paused" });
  const latest = useRef(initial ? `${initial.runId}@${initial.computedAt}` : "none");
  const onNew = useRef(onNewRun);
  // Names as this viewer may see them (the page and GET …/agreement give them per viewer); pushed
  // summaries carry none (lib/collab/watchMessages), so they are named from here.
  const names = useRef(new Map((initial?.coders ?? []).map((c) => [c.id, c.name])));
  useEffect(() => {
    onNew.current = onNewRun;
  }, [onNewRun]);

  const refresh = useServerRead(`/api/exercises/${encodeURIComponent(exerciseId)}/agreement`, agreementDataSchema, (result) => {
    if (result.kind === "missing") {
      setRun((r) => ({ data: null, checkedAt: Date.now(), state: r.state === "paused" ? "paused" : "live" }));
      if (latest.current !== "none") {
        latest.current = "none";
        onNew.current?.();
      }
      return;
    }
    if (result.kind !== "ok") {
      setRun((r) => ({ ...r, state: result.kind }));
      return;
    }
    for (const c of result.data.coders) names.current.set(c.id, c.name);
    const tag = `${result.data.runId}@${result.data.computedAt}`;
    const changed = tag !== latest.current;
    latest.current = tag;
    setRun((r) => ({ data: changed || !r.data ? keepIntervals(result.data, r.data) : r.data, checkedAt: Date.now(), state: active ? "live" : "paused" }));
    if (changed) onNew.current?.();
  });

  // Without numbers from the server page (the codes panel), look once straight away.
  const fetchOnMount = useRef(initial === null);
  useEffect(() => {
    if (fetchOnMount.current) {
      fetchOnMount.current = false;
      void refresh();
    }
  }, [refresh]);

  const status = useExerciseWatch(exerciseId, {
    onAgreement: (pushed) => {
      const unnamed = pushed.coders.some((c) => !names.current.has(c.id));
      const view = { ...pushed, coders: pushed.coders.map((c) => ({ ...c, name: names.current.get(c.id) ?? c.name })) };
      // A coder this page has no name for (a first push before the first read): read the names once.
      if (unnamed) void refresh();
      const tag = `${view.runId}@${view.computedAt}`;
      const changed = tag !== latest.current;
      latest.current = tag;
      setRun((r) => ({ data: changed || !r.data ? keepIntervals(view, r.data) : r.data, checkedAt: Date.now(), state: active ? "live" : "paused" }));
      if (changed) onNew.current?.();
    },
  });
  useEffect(() => {
    if (status === "offline") setRun((r) => (r.state === "offline" ? r : { ...r, state: "offline" }));
  }, [status]);

  return run;
}
