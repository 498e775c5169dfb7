"use client";

import { codeLabel, dimensionColour } from "@/lib/domain/codebook";
import { useCodingSession } from "./CodingContext";
import type { CodeEntry } from "./codeStore";
import { processLabel } from "./codebookText";
import { coderColour, inkOn } from "./colours";
import type { CodingActions } from "./useCodingActions";

/** One code in the panel: a button that jumps to its text, and — for the coder's own — edit and delete. */
export function CodeRow({ entry, orphaned, active, actions }: { entry: CodeEntry; orphaned: boolean; active: boolean; actions: CodingActions }) {
  const { store, codebook, view } = useCodingSession();
  const canCode = view.canCode;
  const { code } = entry;
  const own = store.isOwn(entry.coderId);
  const colour = dimensionColour(code.dimension);
  const label = codeLabel(code.dimension, code.polarity);
  const who = own ? "you" : store.coderName(entry.coderId);
  const process = processLabel(codebook, code);
  return (
    <li className={`code-row${active ? " code-row-active" : ""}`} data-code={entry.key}>
      {/* The visible text is the button's name (WCAG 2.5.3); only the action is added for screen readers. */}
      <button type="button" className="row-main" onClick={() => actions.jump(entry)}>
        <span
          className={`chip chip-${code.polarity}${store.layerSources().length > 1 ? " chip-marked" : ""}`}
          style={{ ["--code-colour" as string]: colour, ["--chip-ink" as string]: code.polarity === "flexible" ? inkOn(colour) : "var(--ink)", ["--coder-colour" as string]: coderColour(entry.coderId) }}
        >
          {label}
        </span>
        <span className="row-text">
          <span className="row-quote">“{code.quote.length > 90 ? `${code.quote.slice(0, 90)}…` : code.quote}”</span>
          <span className="row-meta">
            {process && <> — {process}</>}
            {code.note && <> · {code.note}</>} <span className="row-coder">({who})</span>
          </span>
          {orphaned && <span className="row-orphan">⚠ The text this code marked was changed or deleted.</span>}
          <span className="sr-only"> Jump to the text.</span>
        </span>
      </button>
      {own && canCode && (
        <span className="row-actions">
          {orphaned && (
            <button type="button" className="btn btn-small" onClick={() => actions.reanchor(entry)}>
              Re-attach
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={(event) => actions.openEdit(entry, event.currentTarget.closest("li"))} aria-label={`Edit ${label} on “${code.quote.slice(0, 40)}”`}>
            Edit
          </button>
          <button type="button" className="btn btn-small" onClick={() => actions.deleteEntry(entry)} aria-label={`Delete ${label} on “${code.quote.slice(0, 40)}”`}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}
