import type { Editor } from "@tiptap/core";
import { useEffect, useRef } from "react";
import type { PopoverPlace } from "./CodePopover";
import { findTurn } from "./editorNavigation";

/**
 * The form opens beside the transcript, over the codes panel (whose left edge is `panelLeft`), level with
 * what is being coded: it never hides the text a coder is reading.
 */
export function placeBeside(editor: Editor, target: { turnId: string; start: number; whole: boolean }, panelLeft: number | undefined): PopoverPlace {
  const turn = findTurn(editor.state.doc, target.turnId);
  const left = panelLeft !== undefined ? panelLeft + 8 : window.innerWidth - 400;
  if (!turn) {
    const top = Math.max(0, editor.view.dom.getBoundingClientRect().top);
    return { left, top, bottom: top };
  }
  // The turn's text starts at pos + 1; a span at its start offset within it.
  const top = Math.max(0, editor.view.coordsAtPos(turn.pos + 1 + (target.whole ? 0 : target.start)).top);
  return { left, top, bottom: top };
}

export async function post(url: string, payload?: unknown): Promise<string | null> {
  try {
    const init: RequestInit = payload === undefined ? { method: "POST" } : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) };
    const res = await fetch(url, init);
    if (res.ok) return null;
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    return body?.error ?? "That didn't work. Reload the page and try again.";
  } catch {
    return "No connection to the server. Check your network and try again — nothing was lost.";
  }
}

/** Keys typed into a field, a dialog or an editable region belong to it, not to the page's shortcuts. */
export function isPageShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target;
  return !(target instanceof Element && target.closest("input, textarea, select, dialog, [contenteditable='true']"));
}

/** One document-level keydown listener that always calls the latest handler (no re-subscribing per render). */
export function useDocumentKeys(handler: (event: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
