"use client";

import { useCallback, useEffect, useState } from "react";

export interface Notice {
  text: string;
  undo?: () => void;
}

export interface Feedback {
  notice: Notice | null;
  announcement: string;
  /** Shown in the panel for ten seconds and read by screen readers. */
  say: (text: string) => void;
  /** Read by screen readers only. */
  announce: (text: string) => void;
  show: (notice: Notice | null) => void;
}

/** The panel's notice line and the page's polite live region. */
export function useFeedback(): Feedback {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 10_000);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const say = useCallback((text: string) => {
    setAnnouncement(text);
    setNotice({ text });
  }, []);
  return { notice, announcement, say, announce: setAnnouncement, show: setNotice };
}
