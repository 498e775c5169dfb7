"use client";

import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { useExerciseWatch } from "@/lib/collab/useExerciseWatch";
import { useServerRead } from "@/lib/collab/useServerRead";
import type { ExerciseSnapshot } from "./exerciseView";

/** The part of GET /api/exercises/:id the coding page refreshes; anything else in the answer is ignored. */
const exerciseFactsSchema = z.object({
  title: z.string(),
  mode: z.enum(["blind", "open"]),
  state: z.enum(["coding", "revealed", "closed"]),
  revealRule: z.enum(["all_submitted", "instructor"]),
  coders: z.array(z.object({ id: z.string(), name: z.string(), submitted: z.boolean() })),
});

/**
 * The exercise's live facts (state, who submitted). The server pushes every submit, reveal and close on
 * the exercise's watch room (lib/collab/useExerciseWatch); when the pushed state differs from what the
 * page shows, it re-reads the exercise once (names, rules). Also re-read after the viewer's own
 * submit/reveal and when the tab regains focus (lib/collab/useServerRead). Nothing polls.
 */
export function useExerciseLive(initial: ExerciseSnapshot): { exercise: ExerciseSnapshot; refresh: () => Promise<void> } {
  const [exercise, setExercise] = useState(initial);
  const shown = useRef(exercise);
  useEffect(() => {
    shown.current = exercise;
  }, [exercise]);

  // Offline, missing or malformed: keep what is shown; the next push or focus tries again.
  const refresh = useServerRead(`/api/exercises/${encodeURIComponent(initial.id)}`, exerciseFactsSchema, (result) => {
    if (result.kind !== "ok") return;
    const body = result.data;
    setExercise((prev) => {
      const same = prev.state === body.state && prev.mode === body.mode && JSON.stringify(prev.coders) === JSON.stringify(body.coders);
      return same ? prev : { ...prev, mode: body.mode, state: body.state, revealRule: body.revealRule, coders: body.coders, title: body.title };
    });
  });

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

  return { exercise, refresh };
}
