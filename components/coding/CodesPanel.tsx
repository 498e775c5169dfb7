"use client";

import { type Ref, useEffect, useMemo, useRef, useState } from "react";
import { anchorContext, resolveAnchor } from "@/lib/domain/anchoring";
import { LiveAgreementSummary } from "../agreement/LiveAgreementSummary";
import { CodeFilters, type LayerToggle } from "./CodeFilters";
import { CodeRow } from "./CodeRow";
import { useCodingSession } from "./CodingContext";
import { ALL_SHOWN, type CodeEntry, type CodeFilter } from "./codeStore";
import type { CodingActions } from "./useCodingActions";
import type { CurrentTurn } from "./useCurrentTurn";
import type { Notice } from "./useFeedback";

export interface CodesPanelProps {
  actions: CodingActions;
  current: CurrentTurn | null;
  notice: Notice | null;
  layers: LayerToggle[];
  /** The panel's element, for placing the coding form over it. */
  ref?: Ref<HTMLElement>;
}

interface Group {
  turnId: string;
  index: number;
  speaker: string;
  rows: Array<{ entry: CodeEntry; orphaned: boolean }>;
}

const PAGE = 300;

export function CodesPanel({ actions, current, notice, layers, ref }: CodesPanelProps) {
  const { exercise, view, store, version, txDoc, txVersion } = useCodingSession();
  const [limit, setLimit] = useState(PAGE);
  const [filter, setFilter] = useState<CodeFilter>(ALL_SHOWN);
  const listRef = useRef<HTMLDivElement>(null);
  const activeKey = actions.activeKey;
  const blindCoder = exercise.mode === "blind" && exercise.state === "coding" && view.isCoder;

  useEffect(() => {
    if (store.filter !== filter) store.setFilter(filter);
  }, [store, filter]);

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
    if (!activeKey) return;
    listRef.current?.querySelector(`[data-code="${CSS.escape(activeKey)}"]`)?.scrollIntoView({ block: "nearest" });
  }, [activeKey]);

  let budget = limit;
  return (
    <aside className="codes-panel" aria-label="Codes" ref={ref}>
      {current && <CurrentTurnCard current={current} actions={actions} />}
      <div className="panel-head">
        <h2>
          Codes <span className="muted small">{total === all ? total : `${total} of ${all} shown`}</span>
        </h2>
      </div>
      <CodeFilters filter={filter} onFilter={setFilter} layers={layers} />
      {blindCoder && <p className="panel-note small">Blind exercise: you see only your own codes until the reveal. Nobody else sees yours either.</p>}
      {view.notLive > 0 && (
        <p className="panel-note small">
          {view.notLive} more {view.notLive === 1 ? "coder's layer is" : "coders' layers are"} not shown live — this page keeps a few connections open. Everyone is
          summarised on the review page.
        </p>
      )}
      {notice && (
        <p className="panel-notice small" role="status">
          {notice.text}{" "}
          {notice.undo && (
            <button type="button" className="link-button" onClick={notice.undo}>
              Undo
            </button>
          )}
        </p>
      )}
      <div className="code-list" ref={listRef} data-testid="code-list">
        {total === 0 ? (
          <EmptyState all={all} canCode={view.canCode} isCoder={view.isCoder} />
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
                    <CodeRow key={entry.key} entry={entry} orphaned={orphaned} active={entry.key === activeKey} actions={actions} />
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
      {view.seesOthers && <LiveAgreementSummary exerciseId={exercise.id} coding={exercise.state === "coding"} headline={exercise.headline} />}
    </aside>
  );
}

function CurrentTurnCard({ current, actions }: { current: CurrentTurn; actions: CodingActions }) {
  const { viewer, view, store } = useCodingSession();
  const reviewed = store.reviewedBy(viewer.id).has(current.turnId);
  const codes = store.visibleForTurn(current.turnId).length;
  return (
    <section className="current-turn card" aria-label="Current turn">
      <div>
        <strong>
          Turn {current.index + 1} · {current.speaker}
        </strong>{" "}
        <span className="muted small">
          {codes} {codes === 1 ? "code" : "codes"}
          {reviewed ? " · reviewed ✓" : ""}
        </span>
      </div>
      {view.canCode && (
        <div className="current-actions">
          <button type="button" className="btn btn-small" onClick={() => actions.openNew(null)} title="Code the selected text, or the whole turn (C, or 1–6)">
            Code… <kbd>C</kbd>
          </button>
          <button type="button" className="btn btn-small" aria-pressed={reviewed} onClick={actions.toggleReviewed}>
            {reviewed ? "Reviewed ✓" : "Mark reviewed"} <kbd>R</kbd>
          </button>
          <button type="button" className="btn btn-small" onClick={actions.reviewedUpTo}>
            Reviewed up to here <kbd>⇧R</kbd>
          </button>
        </div>
      )}
    </section>
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

