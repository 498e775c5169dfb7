"use client";

import { useEffect } from "react";

const RENEW_EVERY_MS = 5 * 60_000;

/**
 * Sessions end after 30 idle minutes. Activity in the page (keys, pointer) renews the session at most every
 * five minutes; a dead session sends the user to sign-in instead of failing silently later.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    let active = false;
    const mark = () => {
      active = true;
    };
    const tick = async () => {
      if (!active || Date.now() - last < RENEW_EVERY_MS) return;
      active = false;
      last = Date.now();
      const res = await fetch("/api/auth/session", { cache: "no-store" });
      const session = (await res.json().catch(() => null)) as { user?: { id?: string } } | null;
      if (!session?.user?.id) window.location.assign(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
    };
    window.addEventListener("keydown", mark);
    window.addEventListener("pointerdown", mark);
    const timer = window.setInterval(() => void tick(), 30_000);
    return () => {
      window.removeEventListener("keydown", mark);
      window.removeEventListener("pointerdown", mark);
      window.clearInterval(timer);
    };
  }, []);
  return null;
}
