"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { anchorContext, resolveAnchor } from "@/lib/domain/anchoring";
import { type Codebook, codeLabel, dimensionColour } from "@/lib/domain/codebook";
import { LiveAgreementSummary } from "../agreement/LiveAgreementSummary";
import { CodeFilters, type LayerToggle } from "./CodeFilters";
import type { CodeEntry, CodeFilter, CodeStore } from "./codeStore";
import { processLabel } from "./codebookText";
import { coderColour, inkOn } from "./colours";

export interface CurrentTurnInfo {
  turnId: string;
  index: number;
  speaker: string;
  reviewed: boolean;
  codes: number;
}

export interface CodesPanelProps {
  store: CodeStore;
  version: number;
  txDoc: Y.Doc | null;
  txVersion: number;
  codebook: Codebook;
  isCoder: boolean;
  canCode: boolean;
  blindCoder: boolean;
  layers: LayerToggle[];
  notLive: number;
  filter: CodeFilter;
  onFilter: (filter: CodeFilter) => void;
  current: CurrentTurnInfo | null;
  activeKey: string | null;
  onJump: (entry: CodeEntry) => void;
  onEdit: (entry: CodeEntry) => void;
  onDelete: (entry: CodeEntry) => void;
  onReanchor: (entry: CodeEntry) => void;
  onCodeTurn: () => void;
  onToggleReviewed: () => void;
  onReviewedUpTo: () => void;
  notice: { text: string; undo?: () => void } | null;
  /** Live agreement strip, only where the viewer may see agreement (open mode, staff in blind mode, after reveal). */
  agreement?: { exerciseId: string; coding: boolean } | null;
}

interface Group {
  turnId: string;
  index: number;
  speaker: string;
  rows: Array<{ entry: CodeEntry; orphaned: boolean }>;
}

const PAGE = 300;

export function CodesPanel(props: CodesPanelProps) {
  const { store, version, txDoc, txVersion, codebook } = props;
  const [limit, setLimit] = useState(PAGE);
  const listRef = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => {
    void version;
    void txVersion;
    if (!txDoc) return [] as Group[];
    const ctx = anchorContext(txDoc);
    const out: Group[] = [];
    const seen = new Set<string>();
    ctx.turns.forEach((element, index) => {
      const turnId = String(element.getAttribute("id") ?? "");
      seen.add(turnId);
      const entries = store.visibleForTurn(turnId);
      if (entries.length === 0) return;
      entries.sort((a, b) => a.code.at - b.code.at);
      out.push({
        turnId,
        index,
        speaker: String(element.getAttribute("speaker") ?? ""),
        rows: entries.map((entry) => ({ entry, orphaned: resolveAnchor(txDoc, entry.code, ctx).status !== "ok" })),
      });
    });
    // Codes whose turn is gone from the transcript still belong to someone: list them last.
    const lost: Group = { turnId: "", index: Number.MAX_SAFE_INTEGER, speaker: "", rows: [] };
    for (const turnId of store.turnIds()) if (!seen.has(turnId)) for (const entry of store.visibleForTurn(turnId)) lost.rows.push({ entry, orphaned: true });
    if (lost.rows.length > 0) out.push(lost);
    return out;
  }, [store, version, txDoc, txVersion]);

  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const all = store.totalCodes();

  useEffect(() => {
    if (!props.activeKey) return;
    listRef.current?.querySelector(`[data-code="${CSS.escape(props.activeKey)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [props.activeKey]);

  let budget = limit;
  return (
    <aside className="codes-panel" aria-label="Codes">
      {props.current && (
        <section className="current-turn card" aria-label="Current turn">
          <div>
            <strong>
              Turn {props.current.index + 1} · {props.current.speaker}
            </strong>{" "}
            <span className="muted small">
              {props.current.codes} {props.current.codes === 1 ? "code" : "codes"}
              {props.current.reviewed ? " · reviewed ✓" : ""}
            </span>
          </div>
          {props.canCode && (
            <div className="current-actions">
              <button type="button" className="btn btn-small" onClick={props.onCodeTurn} title="Code the selected text, or the whole turn (C, or 1–6)">
                Code… <kbd>C</kbd>
              </button>
              <button type="button" className="btn btn-small" aria-pressed={props.current.reviewed} onClick={props.onToggleReviewed}>
                {props.current.reviewed ? "Reviewed ✓" : "Mark reviewed"} <kbd>R</kbd>
              </button>
              <button type="button" className="btn btn-small" onClick={props.onReviewedUpTo}>
                Reviewed up to here <kbd>⇧R</kbd>
              </button>
            </div>
          )}
        </section>
      )}
      <div className="panel-head">
        <h2>
          Codes <span className="muted small">{total === all ? total : `${total} of ${all} shown`}</span>
        </h2>
      </div>
      <CodeFilters filter={props.filter} onFilter={props.onFilter} layers={props.layers} />
      {props.blindCoder && <p className="panel-note small">Blind exercise: you see only your own codes until the reveal. Nobody else sees yours either.</p>}
      {props.notLive > 0 && (
        <p className="panel-note small">
          {props.notLive} more {props.notLive === 1 ? "coder's layer is" : "coders' layers are"} not shown live — this page keeps a few connections open. Everyone is
          summarised on the review page.
        </p>
      )}
      {props.notice && (
        <p className="panel-notice small" role="status">
          {props.notice.text}{" "}
          {props.notice.undo && (
            <button type="button" className="link-button" onClick={props.notice.undo}>
              Undo
            </button>
          )}
        </p>
      )}
      <div className="code-list" ref={listRef} data-testid="code-list">
        {total === 0 ? (
          <EmptyState all={all} canCode={props.canCode} isCoder={props.isCoder} />
        ) : (
          groups.map((group) => {
            if (budget <= 0) return null;
            const rows = group.rows.slice(0, budget);
            budget -= rows.length;
            return (
              <section key={group.turnId || "lost"} className="code-group" aria-label={group.turnId ? `Turn ${group.index + 1}` : "Codes whose turn was deleted"}>
                <h3 className="code-group-head">{group.turnId ? `Turn ${group.index + 1} · ${group.speaker}` : "Turn deleted from the transcript"}</h3>
                <ul>
                  {rows.map(({ entry, orphaned }) => (
                    <CodeRow
                      key={entry.key}
                      entry={entry}
                      orphaned={orphaned}
                      active={entry.key === props.activeKey}
                      codebook={codebook}
                      store={store}
                      canCode={props.canCode}
                      onJump={props.onJump}
                      onEdit={props.onEdit}
                      onDelete={props.onDelete}
                      onReanchor={props.onReanchor}
                    />
                  ))}
                </ul>
              </section>
            );
          })
        )}
        {total > limit && (
          <button type="button" className="btn show-more" onClick={() => setLimit((l) => l + PAGE)}>
            Show {Math.min(PAGE, total - limit)} more of {total - limit}
          </button>
        )}
      </div>
      {props.agreement && <LiveAgreementSummary exerciseId={props.agreement.exerciseId} coding={props.agreement.coding} />}
    </aside>
  );
}

function EmptyState({ all, canCode, isCoder }: { all: number; canCode: boolean; isCoder: boolean }) {
  if (all > 0) return <p className="empty">No codes match these filters. Turn a dimension, pole or coder back on above.</p>;
  if (canCode) {
    return (
      <div className="empty">
        <p>
          <strong>No codes yet.</strong> Select text in a client turn and press <kbd>2</kbd> for cognition — or stay on a turn (<kbd>J</kbd>/<kbd>K</kbd>) and press{" "}
          <kbd>1</kbd>–<kbd>6</kbd> to code the whole turn.
        </p>
        <p className="muted small">
          Then <kbd>F</kbd> or <kbd>I</kbd> for the pole and <kbd>Enter</kbd> to save. <kbd>?</kbd> lists every shortcut.
        </p>
      </div>
    );
  }
  return <p className="empty">{isCoder ? "You didn't add any codes in this exercise." : "No codes yet — coders' codes appear here as they work."}</p>;
}

function CodeRow({
  entry,
  orphaned,
  active,
  codebook,
  store,
  canCode,
  onJump,
  onEdit,
  onDelete,
  onReanchor,
}: { entry: CodeEntry; orphaned: boolean; active: boolean; codebook: Codebook; store: CodeStore; canCode: boolean } & Pick<CodesPanelProps, "onJump" | "onEdit" | "onDelete" | "onReanchor">) {
  const { code } = entry;
  const own = store.isOwn(entry.coderId);
  const colour = dimensionColour(code.dimension);
  const label = codeLabel(code.dimension, code.polarity);
  const who = own ? "you" : store.coderName(entry.coderId);
  const process = processLabel(codebook, code);
  return (
    <li className={`code-row${active ? " code-row-active" : ""}`} data-code={entry.key}>
      <button type="button" className="row-main" onClick={() => onJump(entry)} aria-label={`${label}, “${code.quote}”, ${process}, by ${who}. Jump to the text.`}>
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
        </span>
      </button>
      {own && canCode && (
        <span className="row-actions">
          {orphaned && (
            <button type="button" className="btn btn-small" onClick={() => onReanchor(entry)}>
              Re-attach
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={() => onEdit(entry)} aria-label={`Edit ${label} on “${code.quote.slice(0, 40)}”`}>
            Edit
          </button>
          <button type="button" className="btn btn-small" onClick={() => onDelete(entry)} aria-label={`Delete ${label} on “${code.quote.slice(0, 40)}”`}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}
