"use client";

import Link from "next/link";
import { useCallback, useId, useMemo, useState } from "react";
import { DIMENSIONS, dimensionLabel } from "@/lib/domain/codebook";
import type { HotspotOrder } from "@/lib/domain/groupReview";
import { headlineSentence } from "@/lib/domain/headline";
import type { GroupReviewPayload, ReviewTurn } from "@/lib/review/groupReviewTypes";
import { SessionKeepAlive } from "../auth/SessionKeepAlive";
import { SaveStatus } from "../transcript/SaveStatus";
import type { Decision } from "../coding/review/consensusDoc";
import { HOTSPOT_THRESHOLD, codeBars, orderedTurns } from "./groupModel";
import { ProjectorView } from "./ProjectorView";
import { TurnCard } from "./TurnCard";
import { useConsensus } from "./useConsensus";
import styles from "./review.module.css";

export interface GroupReviewProps {
  data: GroupReviewPayload;
  /** Names of people who may have settled turns (coders and the viewer), by id. */
  people: Record<string, string>;
  pairwiseHref: string | null;
}

const PAGE = 20;

const ORDER_NAMES: Record<HotspotOrder, string> = { disagreement: "hotspots first", turn: "in turn order" };

/**
 * Group review after the reveal: every coder at once, turn by turn — the class's distribution of codes,
 * the key's codes and the turn's disagreement, hotspots first — and a projector mode for the room.
 * Everything comes from one server-built payload; the only socket is the consensus room, where
 * settlements are stored as in the pairwise review.
 */
export function GroupReview({ data, people, pairwiseHref }: GroupReviewProps) {
  const [order, setOrder] = useState<HotspotOrder>("disagreement");
  const [dimension, setDimension] = useState<number | null>(null);
  const [showNames, setShowNames] = useState(false);
  const [projector, setProjector] = useState(false);
  const [position, setPosition] = useState(0);
  // Cards come in pages: the page stays small for a class of 100 (the hotspots lead anyway), more on request.
  const [limit, setLimit] = useState(PAGE);
  const consensus = useConsensus(data.exercise.id);
  const ids = useId();
  const hasKey = data.key !== null;
  const namesAvailable = data.namesVisible;
  const names = showNames && namesAvailable;

  const turns = useMemo(() => orderedTurns(data.turns, order, dimension), [data.turns, order, dimension]);
  const barsOf = useCallback((turn: ReviewTurn) => codeBars(turn, data.cohort, names, dimension), [data.cohort, names, dimension]);
  const hotspots = data.turns.filter((t) => (t.disagreement ?? 0) >= HOTSPOT_THRESHOLD);
  const settledHotspots = hotspots.filter((t) => consensus.decisions.has(t.turnId)).length;
  const decidedBy = (decision: Decision) => (decision.by === data.viewer.id ? "you" : (people[decision.by] ?? "a supervisor"));
  const settle = (turnId: string, codes: Parameters<typeof consensus.settle>[1], rationale: string) => consensus.settle(turnId, codes, rationale, data.viewer.id);
  const canSettle = data.viewer.canSettle;
  const [traineesSeeNames, setTraineesSeeNames] = useState(data.exercise.coderNamesVisible);
  const [settingProblem, setSettingProblem] = useState<string | null>(null);
  const changeTraineeNames = async (visible: boolean) => {
    setTraineesSeeNames(visible);
    setSettingProblem(null);
    try {
      const response = await fetch(`/api/exercises/${data.exercise.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ coderNamesVisible: visible }) });
      if (!response.ok) throw new Error(((await response.json().catch(() => ({}))) as { error?: string }).error ?? "The setting was not saved.");
    } catch (err) {
      setTraineesSeeNames(!visible);
      setSettingProblem(err instanceof Error ? err.message : "The setting was not saved.");
    }
  };

  const openProjector = (at = 0) => {
    setPosition(Math.min(at, Math.max(0, turns.length - 1)));
    setProjector(true);
  };

  return (
    <div className={styles.page}>
      <SessionKeepAlive />
      <header className="exercise-bar coding-bar">
        <Link href={`/exercises/${data.exercise.id}`} className="btn" aria-label="Back to the coding page">
          ←
        </Link>
        <h1 className="title">Group review: {data.exercise.title}</h1>
        <span className="bar-spacer" />
        <span className="progress" data-testid="group-progress">
          {settledHotspots} of {hotspots.length} hotspots settled
        </span>
        <button type="button" className="btn btn-primary" onClick={() => openProjector(0)} disabled={turns.length === 0}>
          Projector mode
        </button>
        <SaveStatus state={consensus.state} editable={canSettle} />
      </header>
      <main className={styles.main}>
        <section className={styles.summary} aria-label="About this review">
          <p className={styles.headline} data-testid="group-headline">
            Agreement of all {data.cohort.length + (hasKey ? 1 : 0)} coders{hasKey ? " (the key included)" : ""}: <strong>{headlineSentence(data.headline)}</strong>
          </p>
          <p>
            <strong>{data.cohort.length}</strong> coder{data.cohort.length === 1 ? "" : "s"}
            {hasKey ? (
              <>
                {" "}
                against the key{names && data.key ? ` (${data.key.name})` : ""}
              </>
            ) : null}
            {data.idle > 0 ? <span className="muted"> · {data.idle} never started and are left out</span> : null} · <strong>{data.turns.length}</strong> turns ·{" "}
            <strong>{hotspots.length}</strong> hotspot{hotspots.length === 1 ? "" : "s"}. <span className="muted">{data.unitDefinition}</span>
          </p>
          <p className="muted small">
            <strong>Disagreement</strong> is the share of pairs of coders who coded the turn differently: 0% everyone gave the same codes, 100% every pair
            differs. The other pole of the same dimension counts as half a difference. A turn is a hotspot at {Math.round(HOTSPOT_THRESHOLD * 100)}% or more.
          </p>
        </section>
        <div className={styles.controls} role="group" aria-label="Order, filter and names">
          <fieldset className={styles.segmented}>
            <legend className="sr-only">Order</legend>
            {(["disagreement", "turn"] as const).map((o) => (
              <label key={o} className={order === o ? styles.segmentOn : undefined}>
                <input type="radio" name={`${ids}-order`} value={o} checked={order === o} onChange={() => setOrder(o)} />
                {o === "disagreement" ? "Hotspots first" : "Turn order"}
              </label>
            ))}
          </fieldset>
          <label className="inline-field" htmlFor={`${ids}-dimension`}>
            Dimension{" "}
            <select id={`${ids}-dimension`} value={dimension ?? ""} onChange={(e) => setDimension(e.target.value === "" ? null : Number(e.target.value))}>
              <option value="">All dimensions</option>
              {DIMENSIONS.map((d, i) => (
                <option key={d} value={i}>
                  {dimensionLabel(d)}
                </option>
              ))}
            </select>
          </label>
          {namesAvailable && (
            <label className={styles.check}>
              <input type="checkbox" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} /> Show coders&apos; names
            </label>
          )}
          {!names && <span className="muted small">{namesAvailable ? "Names hidden — safe to project." : "Anonymous: names are not shown."}</span>}
          <span className={styles.spacer} />
          {data.viewer.isStaff && (
            <label className={styles.check}>
              <input type="checkbox" checked={traineesSeeNames} onChange={(e) => void changeTraineeNames(e.target.checked)} /> Trainees see each other&apos;s names in their review
            </label>
          )}
          {settingProblem && (
            <span className="small" role="alert">
              {settingProblem}
            </span>
          )}
          {pairwiseHref && (
            <Link href={pairwiseHref} className="small">
              Compare two coders instead
            </Link>
          )}
        </div>
        {turns.length === 0 ? (
          <p className="empty">{dimension === null ? "No turns to review." : `Nobody used ${dimensionLabel(DIMENSIONS[dimension]!)} on any turn.`}</p>
        ) : (
          <ol className={styles.turnList}>
            {turns.slice(0, limit).map((turn, i) => {
              const decision = consensus.decisions.get(turn.turnId) ?? null;
              return (
              <li key={turn.turnId}>
                <TurnCard
                  turn={turn}
                  bars={barsOf(turn)}
                  dimension={dimension}
                  hasKey={hasKey}
                  keyName={names ? (data.key?.name ?? null) : null}
                  decision={decision}
                  decidedBy={decision ? decidedBy(decision) : ""}
                  canSettle={canSettle}
                  settleReady={consensus.ready}
                  onSettle={(codes, rationale) => settle(turn.turnId, codes, rationale)}
                  onReopen={() => consensus.reopen(turn.turnId)}
                />
                <button type="button" className={`btn btn-small ${styles.projectFrom}`} onClick={() => openProjector(i)}>
                  Project from here
                </button>
              </li>
              );
            })}
          </ol>
        )}
        {turns.length > limit && (
          <p className={styles.more}>
            <button type="button" className="btn" onClick={() => setLimit((n) => n + PAGE * 2)}>
              Show {Math.min(PAGE * 2, turns.length - limit)} more turns
            </button>{" "}
            <span className="muted small">
              {limit} of {turns.length} shown{order === "disagreement" ? " — the rest disagree less" : ""}
            </span>
          </p>
        )}
      </main>
      {projector && (
        <ProjectorView
          turns={turns}
          position={position}
          onMove={setPosition}
          onExit={() => setProjector(false)}
          barsOf={barsOf}
          dimension={dimension}
          dimensionName={dimension === null ? null : dimensionLabel(DIMENSIONS[dimension]!)}
          orderName={ORDER_NAMES[order]}
          hasKey={hasKey}
          keyName={data.key?.name ?? null}
          showNames={names}
          onToggleNames={() => setShowNames((v) => !v)}
          canShowNames={namesAvailable}
          decisionOf={(turnId) => consensus.decisions.get(turnId) ?? null}
          decidedBy={decidedBy}
          canSettle={canSettle}
          settleReady={consensus.ready}
          onSettle={settle}
        />
      )}
    </div>
  );
}
