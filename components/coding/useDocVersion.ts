"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";

/**
 * A counter that bumps when the document changes, at most once per `everyMs`: views derived from the
 * transcript (orphan checks, turn lists) re-run on typing bursts without re-running per keystroke.
 */
export function useDocVersion(doc: Y.Doc | null, everyMs = 1000): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!doc) return;
    let timer: number | undefined;
    let last = 0;
    const onUpdate = () => {
      if (timer !== undefined) return;
      const wait = Math.max(0, last + everyMs - Date.now());
      timer = window.setTimeout(() => {
        timer = undefined;
        last = Date.now();
        setVersion((v) => v + 1);
      }, wait);
    };
    doc.on("update", onUpdate);
    return () => {
      doc.off("update", onUpdate);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [doc, everyMs]);
  return version;
}
