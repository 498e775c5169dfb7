"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useExerciseWatch } from "@/lib/collab/useExerciseWatch";
import type { ExerciseSnapshot } from "./exerciseView";

interface ApiExercise {
  mode: ExerciseSnapshot["mode"];
  state: ExerciseSnapshot["state"];
  revealRule: ExerciseSnapshot["revealRule"];
  coders: ExerciseSnapshot["coders"];
  title: string;
}

function isApiExercise(value: unknown): value is ApiExercise {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.mode === "blind" || v.mode === "open") && (v.state === "coding" || v.state === "revealed" || v.state === "closed") && Array.isArray(v.coders);
}

/**
 * The exercise's live facts (state, who submitted). The server pushes every submit, reveal and close on
 * the exercise's watch room (lib/collab/useExerciseWatch); when the pushed state differs from what the
 * page shows, it re-reads the exercise once (names, rules). Also re-read after the viewer's own
 * submit/reveal and when the tab regains focus. Nothing polls.
 */
export function useExerciseLive(initial: ExerciseSnapshot): { exercise: ExerciseSnapshot; refresh: () => Promise<void> } {
  const [exercise, setExercise] = useState(initial);
  const inFlight = useRef(false);
  const shown = useRef(exercise);
  useEffect(() => {
    shown.current = exercise;
  }, [exercise]);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const res = await fetch(`/api/exercises/${encodeURIComponent(initial.id)}`, { cache: "no-store" });
      if (!res.ok) return;
      const body = (await res.json()) as unknown;
      if (!isApiExercise(body)) return;
      setExercise((prev) => {
        const same = prev.state === body.state && prev.mode === body.mode && JSON.stringify(prev.coders) === JSON.stringify(body.coders);
        return same ? prev : { ...prev, mode: body.mode, state: body.state, revealRule: body.revealRule, coders: body.coders, title: body.title };
      });
    } catch {
      // Offline: the next push or focus tries again; the sockets show the connection state.
    } finally {
      inFlight.current = false;
    }
  }, [initial.id]);

  useExerciseWatch(initial.id, {
    onExercise: (pushed) => {
      const current = shown.current;
      const submitted = new Map(current.coders.map((c) => [c.id, c.submitted]));
      const differs = pushed.state !== current.state || pushed.mode !== current.mode || pushed.coders.length !== current.coders.length || pushed.coders.some((c) => submitted.get(c.id) !== c.submitted);
      if (!differs) return;
      // Show the new state at once; the re-read fills in the rest.
      setExercise((prev) => ({ ...prev, state: pushed.state, mode: pushed.mode, coders: prev.coders.map((c) => ({ ...c, submitted: pushed.coders.find((p) => p.id === c.id)?.submitted ?? c.submitted })) }));
      void refresh();
    },
  });

  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refresh]);

  return { exercise, refresh };
}
