"use client";

import { useCallback, useEffect, useState } from "react";
import type { ConnectionState } from "@/lib/collab/useCollabRoom";
import { KEPT_OFFLINE } from "../transcript/StatusPill";

export interface Notice {
  text: string;
  undo?: () => void;
  /** A change of the viewer's own codes not yet acknowledged by the server: what it was, and what to say once it is. */
  saving?: { what: string; saved: string };
}

export interface Feedback {
  notice: Notice | null;
  announcement: string;
  /** Shown in the panel for ten seconds and read by screen readers. */
  say: (text: string) => void;
  /**
   * Reports a change to the viewer's own layer honestly: "saving…" (or kept on this device when offline)
   * until the server's ack, then `saved` — never "Saved" before the ack.
   */
  sayWhileSaving: (what: string, saved: string) => void;
  /** Read by screen readers only. */
  announce: (text: string) => void;
  show: (notice: Notice | null) => void;
}

function isSaved(layer: ConnectionState | null): boolean {
  return layer?.kind === "online" && layer.synced && layer.pending === 0;
}

function savingText(what: string, layer: ConnectionState | null): string {
  return layer?.kind === "online" ? `${what} — saving…` : `${what}. ${KEPT_OFFLINE}.`;
}

/** The panel's notice line and the page's polite live region, following the own layer's save state. */
export function useFeedback(layer: ConnectionState | null): Feedback {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const waiting = notice?.saving ?? null;

  // A notice waiting for the ack stays until it comes; the others go after ten seconds.
  useEffect(() => {
    if (!notice || waiting) return;
    const timer = window.setTimeout(() => setNotice(null), 10_000);
    return () => window.clearTimeout(timer);
  }, [notice, waiting]);

  // Follow the layer: the ack turns "saving…" into the saved words; going offline says where the change is.
  const kind = layer?.kind ?? null;
  const saved = isSaved(layer);
  useEffect(() => {
    if (!waiting) return;
    const text = saved ? waiting.saved : savingText(waiting.what, layer);
    setNotice((prev) => (prev?.saving !== waiting || prev.text === text ? prev : saved ? { text } : { ...prev, text }));
    if (saved || kind !== "online") setAnnouncement(text);
    // Keyed on the kind and the saved flag, not the whole state: a new pending count must not re-announce.
  }, [waiting, saved, kind]);

  const say = useCallback((text: string) => {
    setAnnouncement(text);
    setNotice({ text });
  }, []);
  const sayWhileSaving = (what: string, savedText: string) => {
    const text = savingText(what, layer);
    setAnnouncement(text);
    setNotice({ text, saving: { what, saved: savedText } });
  };
  return { notice, announcement, say, sayWhileSaving, announce: setAnnouncement, show: setNotice };
}
