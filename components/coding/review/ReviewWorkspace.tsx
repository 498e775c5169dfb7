"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { roomName, transcriptRoom } from "@/lib/collab/roomName";
import { useCollabRoom } from "@/lib/collab/useCollabRoom";
import { useLayerRooms } from "@/lib/collab/useLayerRooms";
import { type Codebook, codeLabel } from "@/lib/domain/codebook";
import { type StoredCode, readLayer } from "@/lib/domain/layerDoc";
import { readTurns } from "@/lib/domain/transcriptDoc";
import { SessionKeepAlive } from "../../auth/SessionKeepAlive";
import { SaveStatus } from "../../transcript/SaveStatus";
import type { ExerciseSnapshot, Viewer } from "../exerciseView";
import { DisagreementCard } from "./DisagreementCard";
import { type ConsensusCode, type DecisionKind, clearDecision, putDecision, readDecisions } from "./consensusDoc";
import { type TurnComparison, compareTurn } from "./reviewModel";

export interface ReviewWorkspaceProps {
  exercise: ExerciseSnapshot;
  viewer: Viewer;
  codebook: Codebook;
  canDecide: boolean;
  keyCoderId: string | null;
  /** The group review of the same exercise (every coder at once), when it has more than two coders. */
  groupHref?: string | null;
}

/** Re-renders when any of the docs changes, at most once per animation frame. */
function useDocsVersion(docs: ReadonlyArray<Y.Doc | null>): number {
  const [version, setVersion] = useState(0);
  const key = docs.map((d) => d?.guid ?? "-").join(",");
  useEffect(() => {
    let frame: number | null = null;
    const bump = () => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        setVersion((v) => v + 1);
      });
    };
    const live = docs.filter((d): d is Y.Doc => d !== null);
    for (const d of live) d.on("update", bump);
    bump();
    return () => {
      for (const d of live) d.off("update", bump);
      if (frame !== null) cancelAnimationFrame(frame);
    };
    // `key` names the docs; the array itself is new on every render.
  }, [key]);
  return version;
}

function byTurn(codes: StoredCode[]): Map<string, StoredCode[]> {
  const out = new Map<string, StoredCode[]>();
  for (const c of codes) {
    const list = out.get(c.turnId);
    if (list) list.push(c);
    else out.set(c.turnId, [c]);
  }
  return out;
}

/** "Turns 3–52 · 2 agreed, 48 nobody coded" — what a collapsed run of non-disagreements holds. */
function runSummary(turns: ReadonlyArray<{ index: number; coded: boolean }>): string {
  const first = (turns[0]?.index ?? 0) + 1;
  const last = (turns[turns.length - 1]?.index ?? 0) + 1;
  const agreed = turns.filter((t) => t.coded).length;
  const parts = [agreed > 0 ? `${agreed} agreed` : null, turns.length - agreed > 0 ? `${turns.length - agreed} nobody coded` : null].filter(Boolean);
  return `${first === last ? `Turn ${first}` : `Turns ${first}–${last}`} · ${parts.join(", ")}`;
}

export function ReviewWorkspace({ exercise, viewer, codebook, canDecide, keyCoderId, groupHref }: ReviewWorkspaceProps) {
  const coders = exercise.coders;
  const defaultA = keyCoderId && coders.some((c) => c.id === keyCoderId) ? keyCoderId : (coders[0]?.id ?? "");
  const [a, setA] = useState(defaultA);
  const [b, setB] = useState(coders.find((c) => c.id !== defaultA)?.id ?? "");
  const tx = useCollabRoom(transcriptRoom(exercise.transcriptId), { gc: false });
  const consensus = useCollabRoom(roomName({ kind: "consensus", exerciseId: exercise.id }));
  const layerRooms = useLayerRooms([a, b].filter(Boolean).map((coderId) => roomName({ kind: "layer", exerciseId: exercise.id, coderId })));
  const docA = layerRooms.find((r) => r.room.endsWith(`:${a}`))?.doc ?? null;
  const docB = layerRooms.find((r) => r.room.endsWith(`:${b}`))?.doc ?? null;
  const txDoc = tx.room?.doc ?? null;
  const consensusDoc = consensus.room?.doc ?? null;
  const version = useDocsVersion([txDoc, consensusDoc, docA, docB]);
  // "you" opens a sentence in the empty-state line.
  const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const nameOf = (id: string) => (id === viewer.id ? "you" : (coders.find((c) => c.id === id)?.name ?? "a supervisor"));

  const model = useMemo(() => {
    void version;
    const turns = txDoc ? readTurns(txDoc) : [];
    const codesA = docA ? byTurn(readLayer(docA).codes) : new Map<string, StoredCode[]>();
    const codesB = docB ? byTurn(readLayer(docB).codes) : new Map<string, StoredCode[]>();
    const comparisons = new Map<string, TurnComparison>();
    for (const t of turns) comparisons.set(t.id, compareTurn(t.id, codesA.get(t.id) ?? [], codesB.get(t.id) ?? []));
    const decisions = consensusDoc ? readDecisions(consensusDoc) : new Map();
    return { turns, comparisons, decisions };
  }, [version, txDoc, docA, docB, consensusDoc]);

  const disagreements = model.turns.filter((t) => model.comparisons.get(t.id)?.disagreement);
  const settled = disagreements.filter((t) => model.decisions.has(t.id)).length;
  const loading = !txDoc || !docA || !docB || model.turns.length === 0;

  const decide = (turnId: string, kind: DecisionKind, codes: ConsensusCode[], rationale: string) => {
    if (!consensusDoc) return;
    putDecision(consensusDoc, turnId, { decision: kind, codes, rationale, by: viewer.id, at: Date.now(), coders: [a, b] });
  };

  const nextUnsettled = () => {
    const next = disagreements.find((t) => !model.decisions.has(t.id));
    if (!next) return;
    const card = document.querySelector<HTMLElement>(`[data-turn="${CSS.escape(next.id)}"]`);
    card?.scrollIntoView({ block: "start" });
    card?.querySelector<HTMLInputElement>("input")?.focus({ preventScroll: true });
  };

  // Agreed (or uncoded) runs of turns are collapsed between the disagreement cards.
  const blocks: Array<{ kind: "agreed"; turns: typeof model.turns } | { kind: "card"; turn: (typeof model.turns)[number] }> = [];
  for (const t of model.turns) {
    if (model.comparisons.get(t.id)?.disagreement) blocks.push({ kind: "card", turn: t });
    else {
      const last = blocks[blocks.length - 1];
      if (last?.kind === "agreed") last.turns.push(t);
      else blocks.push({ kind: "agreed", turns: [t] });
    }
  }

  return (
    <div className="review-page">
      <SessionKeepAlive />
      <header className="exercise-bar coding-bar">
        <Link href={`/exercises/${exercise.id}`} className="btn" aria-label="Back to the coding page">
          ←
        </Link>
        <h1 className="title">Review: {exercise.title}</h1>
        <span className="bar-spacer" />
        <span className="progress" data-testid="review-progress">
          <meter min={0} max={Math.max(1, disagreements.length)} value={settled} aria-hidden="true" />
          {settled} of {disagreements.length} disagreements settled
        </span>
        {groupHref && (
          <Link href={groupHref} className="btn">
            Group review
          </Link>
        )}
        <button type="button" className="btn" onClick={nextUnsettled} disabled={settled === disagreements.length}>
          Next unsettled
        </button>
        <SaveStatus state={consensus.state} editable={canDecide} />
      </header>
      <main className="review-main">
        <div className="review-pair">
          <label>
            A{" "}
            <select value={a} onChange={(e) => setA(e.target.value)}>
              {coders.map((c) => (
                <option key={c.id} value={c.id} disabled={c.id === b}>
                  {c.name}
                  {c.id === keyCoderId ? " (key)" : ""}
                </option>
              ))}
            </select>
          </label>
          <label>
            B{" "}
            <select value={b} onChange={(e) => setB(e.target.value)}>
              {coders.map((c) => (
                <option key={c.id} value={c.id} disabled={c.id === a}>
                  {c.name}
                  {c.id === keyCoderId ? " (key)" : ""}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small">
            A disagreement is a turn where A and B did not give the same dimensions and poles. Settled turns keep their rationale; consensus codes are stored apart
            and never count as reliability data.
          </p>
        </div>
        {coders.length < 2 ? (
          <p className="empty">This exercise has a single coder — there is nothing to compare.</p>
        ) : loading ? (
          <p className="muted">Loading both coders&apos; codes…</p>
        ) : disagreements.length === 0 && !model.turns.some((t) => (model.comparisons.get(t.id)?.rows.length ?? 0) > 0) ? (
          // "No disagreements" would read as agreement when neither coder has coded anything yet.
          <p className="empty">
            <strong>
              {capitalised(nameOf(a))} and {nameOf(b)} have not coded any turn yet.
            </strong>{" "}
            Disagreements appear here once both have coded; choose another pair above to compare coders who have.
          </p>
        ) : disagreements.length === 0 ? (
          <p className="empty">
            <strong>No disagreements between {nameOf(a)} and {nameOf(b)}.</strong> Every turn either of them coded got the same dimensions and poles.
          </p>
        ) : null}
        {!loading &&
          blocks.map((block) =>
            block.kind === "agreed" ? (
              <details key={`agreed-${block.turns[0]?.id}`} className="agreed-run">
                <summary>{runSummary(block.turns.map((t) => ({ index: t.index, coded: (model.comparisons.get(t.id)?.rows.length ?? 0) > 0 })))}</summary>
                <ul>
                  {block.turns.map((t) => {
                    const rows = model.comparisons.get(t.id)?.rows ?? [];
                    return (
                      <li key={t.id} className="small">
                        <strong>
                          Turn {t.index + 1} · {t.speaker}
                        </strong>{" "}
                        {rows.length === 0 ? <span className="muted">no codes</span> : rows.map((r) => codeLabel(r.dimension, r.a[0]?.polarity ?? "flexible")).join(", ")} —{" "}
                        <span className="muted">{t.text.length > 100 ? `${t.text.slice(0, 100)}…` : t.text}</span>
                      </li>
                    );
                  })}
                </ul>
              </details>
            ) : (
              <DisagreementCard
                key={`${block.turn.id}:${a}:${b}`}
                comparison={model.comparisons.get(block.turn.id) as TurnComparison}
                turn={block.turn}
                names={{ a: nameOf(a), b: nameOf(b) }}
                codebook={codebook}
                decision={model.decisions.get(block.turn.id) ?? null}
                decidedBy={model.decisions.get(block.turn.id) ? nameOf(model.decisions.get(block.turn.id)?.by ?? "") : null}
                canDecide={canDecide && consensus.state.kind === "online"}
                onDecide={(kind, codes, rationale) => decide(block.turn.id, kind, codes, rationale)}
                onReopen={() => consensusDoc && clearDecision(consensusDoc, block.turn.id)}
              />
            ),
          )}
      </main>
    </div>
  );
}
