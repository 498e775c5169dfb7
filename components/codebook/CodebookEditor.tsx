"use client";

import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { type Codebook, codeLabel, DIMENSIONS, POLARITIES } from "@/lib/domain/codebook";
import { type CodebookProblem, sameContent, validateCodebook } from "@/lib/validation/codebook";
import { changedFields, fieldId } from "./codebookDraft";
import { DimensionCard } from "./DimensionCard";

export interface CodebookEditorProps {
  cohortId: string;
  codebook: Codebook;
  canEdit: boolean;
  /** Why the codebook is read-only here: an older version, or the viewer is not an instructor. */
  readOnlyReason: "older" | "role" | null;
}

type Status = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; version: number } | { kind: "error"; text: string };

export function CodebookEditor({ cohortId, codebook, canEdit, readOnlyReason }: CodebookEditorProps) {
  const router = useRouter();
  const [base, setBase] = useState(codebook);
  const [draft, setDraft] = useState(codebook);
  const [problems, setProblems] = useState<CodebookProblem[]>([]);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const summaryRef = useRef<HTMLDivElement>(null);

  // A new version arrived from the server (after a save, or another version was opened): edit that one.
  if (codebook !== base && codebook.version !== base.version) {
    setBase(codebook);
    setDraft(codebook);
    setProblems([]);
  }

  const changed = useMemo(() => changedFields(base, draft), [base, draft]);
  const dirty = changed.size > 0 && !sameContent(base, draft);
  const problemByField = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of problems) if (p.field && !map.has(p.field)) map.set(p.field, p.text);
    return map;
  }, [problems]);
  const nextVersion = base.version + 1;

  function edit(next: Codebook) {
    setDraft(next);
    setStatus({ kind: "idle" });
    // Problems clear as the person fixes them, not only on the next save.
    if (problems.length > 0) {
      const checked = validateCodebook({ ...next, version: nextVersion });
      setProblems(checked.ok ? [] : checked.problems);
    }
  }

  async function save() {
    const checked = validateCodebook({ ...draft, version: nextVersion });
    if (!checked.ok) {
      setProblems(checked.problems);
      setStatus({ kind: "idle" });
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setProblems([]);
    setStatus({ kind: "saving" });
    const res = await fetch(`/api/cohorts/${cohortId}/codebook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ baseVersion: base.version, codebook: draft }),
    }).catch(() => null);
    if (!res) {
      setStatus({ kind: "error", text: "The server could not be reached. Your edits are still here; check the connection and save again." });
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { error?: string; version?: number };
    if (!res.ok || typeof body.version !== "number") {
      setStatus({ kind: "error", text: body.error ?? "The codebook could not be saved. Your edits are still here; try again." });
      return;
    }
    setStatus({ kind: "saved", version: body.version });
    router.refresh();
  }

  function discard() {
    setDraft(base);
    setProblems([]);
    setStatus({ kind: "idle" });
  }

  // Between the server's "saved" and the refreshed page, the old version is still on screen: no second save.
  const busy = status.kind === "saving" || (status.kind === "saved" && base.version < status.version);
  const editable = canEdit && !busy;
  return (
    <div className="codebook-editor">
      {canEdit ? (
        <p className="codebook-fixed small">
          <strong>You can change</strong> process names, definitions, examples and tags. <strong>Fixed:</strong> the six dimensions, their abbreviations and
          colours, and the two poles, so codes, charts and exports stay comparable. Saving makes version {nextVersion}; exercises already set keep the version
          they started with, new exercises use the newest.
        </p>
      ) : readOnlyReason === "role" ? (
        <p className="codebook-note small">
          The definitions coders work with: six fixed dimensions, each with a flexible and an inflexible pole. Only the cohort&apos;s instructors can change the
          codebook.
        </p>
      ) : null}

      {problems.length > 0 && (
        <div className="alert alert-error codebook-problems" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>
            <strong>
              Version {nextVersion} was not saved: {problems.length === 1 ? "one thing needs" : `${problems.length} things need`} fixing.
            </strong>
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.field ?? "all"}-${i}`}>{p.field ? <a href={`#${fieldId(p.field)}`}>{p.text}</a> : p.text}</li>
            ))}
          </ul>
        </div>
      )}

      <nav className="codebook-toc small" aria-label="Dimensions">
        {draft.entries.map((e) => (
          <a key={e.dimension} href={`#dim-${e.dimension}`} style={{ ["--code-colour" as string]: e.colour }}>
            <span className="swatch" aria-hidden="true" />
            {e.label}
          </a>
        ))}
      </nav>

      {draft.entries.map((entry) => (
        <DimensionCard
          key={entry.dimension}
          entry={entry}
          codebook={draft}
          base={base}
          editable={editable}
          changed={changed}
          problems={problemByField}
          onChange={edit}
        />
      ))}

      {canEdit && (
        <div className="codebook-savebar" role="region" aria-label="Save the codebook">
          <span className="codebook-savestate" role="status" aria-live="polite">
            {status.kind === "saving"
              ? `Saving version ${nextVersion}…`
              : status.kind === "saved"
                ? `Saved ✓ — version ${status.version} is now the current codebook.`
                : status.kind === "error"
                  ? ""
                  : dirty
                    ? `${changed.size} ${changed.size === 1 ? "field" : "fields"} changed since version ${base.version} (${[...changed].map(shortName).join(", ")}).`
                    : `No changes yet. Edit a field above, then save it as version ${nextVersion}.`}
          </span>
          {status.kind === "error" && (
            <span className="alert alert-error small" role="alert">
              {status.text}
            </span>
          )}
          <span className="spacer" />
          <button type="button" className="btn" onClick={discard} disabled={!dirty || busy}>
            Discard changes
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={!dirty || busy}>
            {status.kind === "saving" ? "Saving…" : `Save as version ${nextVersion}`}
          </button>
        </div>
      )}
    </div>
  );
}

/** "cognition.inflexible.definition" → "COG·I definition", for the list of changes on the save bar. */
function shortName(key: string): string {
  const [dimension, pole, field] = key.split(".");
  const polarity = POLARITIES.find((p) => p === pole);
  const d = DIMENSIONS.find((x) => x === dimension);
  if (!d || !polarity) return key;
  return `${codeLabel(d, polarity)} ${field === "process" ? "process" : field}`;
}
