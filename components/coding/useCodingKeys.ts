"use client";

import { DIMENSIONS } from "@/lib/domain/codebook";
import { isPageShortcut, useDocumentKeys } from "./screenHelpers";
import type { CodingActions } from "./useCodingActions";

/** The coding page's single-key shortcuts (listed in ShortcutsDialog); off while a form or dialog is open. */
export function useCodingKeys(actions: CodingActions, { paused, openShortcuts }: { paused: boolean; openShortcuts: () => void }): void {
  useDocumentKeys((event) => {
    if (paused || !isPageShortcut(event)) return;
    const digit = Number(event.key);
    let handled = true;
    if (event.key === "j" || event.key === "J") actions.goTurn(1);
    else if (event.key === "k" || event.key === "K") actions.goTurn(-1);
    else if (event.key === "?") openShortcuts();
    else if (event.key === "R") actions.reviewedUpTo();
    else if (event.key === "r") actions.toggleReviewed();
    else if (event.key === "c" || event.key === "C") actions.openNew(null);
    else if (Number.isInteger(digit) && digit >= 1 && digit <= DIMENSIONS.length && event.key.length === 1) actions.openNew(DIMENSIONS[digit - 1] ?? null);
    else handled = false;
    if (handled) event.preventDefault();
  });
}
