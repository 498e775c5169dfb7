"use client";

import { useCallback, useEffect, useRef } from "react";
import type { z } from "zod";

/** What one read of a JSON resource came back as. "missing" is a 404: the resource is not there (or not visible). */
export type ServerRead<T> = { kind: "ok"; data: T } | { kind: "missing" } | { kind: "error" } | { kind: "offline" };

/**
 * The one way a page re-reads a JSON resource that the server also pushes (lib/collab/useExerciseWatch):
 * a read validated by a zod schema at the boundary, at most one in flight, again whenever the tab
 * regains focus (a push may have been missed while the laptop slept). It never polls: pushes say when
 * something changed. Returns the read, to call after a push or the viewer's own action.
 */
export function useServerRead<S extends z.ZodType>(url: string, schema: S, onRead: (result: ServerRead<z.infer<S>>) => void): () => Promise<void> {
  const inFlight = useRef(false);
  const latest = useRef(onRead);
  useEffect(() => {
    latest.current = onRead;
  });

  const read = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const res = await fetch(url, { cache: "no-store" });
      if (res.status === 404) return latest.current({ kind: "missing" });
      if (!res.ok) return latest.current({ kind: "error" });
      const parsed = schema.safeParse(await res.json());
      latest.current(parsed.success ? { kind: "ok", data: parsed.data } : { kind: "error" });
    } catch {
      latest.current({ kind: "offline" });
    } finally {
      inFlight.current = false;
    }
  }, [url, schema]);

  useEffect(() => {
    const onFocus = () => void read();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [read]);

  return read;
}
