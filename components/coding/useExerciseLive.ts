"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ExerciseSnapshot } from "./exerciseView";

/** While coding, others may submit and staff may reveal; nothing pushes that to the page, so it asks. */
const POLL_WHILE_CODING_MS = 10_000;

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
 * The exercise's live facts (state, who submitted). Re-read after the viewer's own submit/reveal, when the
 * tab regains focus, and every few seconds while coding — a reveal changes which layers the page may open.
 */
export function useExerciseLive(initial: ExerciseSnapshot): { exercise: ExerciseSnapshot; refresh: () => Promise<void> } {
  const [exercise, setExercise] = useState(initial);
  const inFlight = useRef(false);

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
      // Offline: the next poll or focus tries again; the sockets show the connection state.
    } finally {
      inFlight.current = false;
    }
  }, [initial.id]);

  const coding = exercise.state === "coding";
  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    const timer = coding
      ? window.setInterval(() => {
          if (document.visibilityState === "visible") void refresh();
        }, POLL_WHILE_CODING_MS)
      : undefined;
    return () => {
      window.removeEventListener("focus", onFocus);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [coding, refresh]);

  return { exercise, refresh };
}
