"use client";

import { useEffect, useRef, useState } from "react";
import type { ReviewTurn } from "@/lib/review/groupReviewTypes";
import type { ConsensusCode, Decision } from "../coding/review/consensusDoc";
import { ConsensusNote } from "./ConsensusNote";
import { DistributionBars } from "./DistributionBars";
import { type CodeBar, HOTSPOT_THRESHOLD, disagreementText, disagreementValue, suggestedCodes } from "./groupModel";
import { SettleForm } from "./SettleForm";
import { KeyCodes } from "./TurnCard";
import styles from "./review.module.css";

export interface ProjectorViewProps {
  turns: readonly ReviewTurn[];
  position: number;
  onMove: (position: number) => void;
  onExit: () => void;
  barsOf: (turn: ReviewTurn) => CodeBar[];
  dimension: number | null;
  dimensionName: string | null;
  orderName: string;
  hasKey: boolean;
  keyName: string | null;
  showNames: boolean;
  onToggleNames: () => void;
  canShowNames: boolean;
  decisionOf: (turnId: string) => Decision | null;
  decidedBy: (decision: Decision) => string;
  canSettle: boolean;
  settleReady: boolean;
  onSettle: (turnId: string, codes: ConsensusCode[], rationale: string) => void;
}

/** Long turns get smaller type so a turn always fits one screen at 1280×720. */
function textSize(text: string): string {
  if (text.length <= 140) return styles.textLarge!;
  if (text.length <= 320) return styles.textMedium!;
  return styles.textSmall!;
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
}

/**
 * Projector mode: one turn per screen in large type — the turn (and the therapist turn it answers), the
 * class's bars, the key, the consensus — moved with ←/→ or J/K, left with Esc. A modal dialog over the
 * list, so focus stays inside it while it is open.
 */
export function ProjectorView(props: ProjectorViewProps) {
  const { turns, position, onMove, onExit } = props;
  const [settling, setSettling] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const turn = turns[position];
  const decision = turn ? props.decisionOf(turn.turnId) : null;
  const isHot = (t: ReviewTurn) => (disagreementValue(t, props.dimension) ?? 0) >= HOTSPOT_THRESHOLD;
  const hotspots = turns.filter(isHot);
  const hotspotRank = turn && isHot(turn) ? hotspots.indexOf(turn) + 1 : 0;

  useEffect(() => {
    root.current?.focus();
  }, []);
  useEffect(() => {
    setSettling(false);
  }, [position]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "Escape") {
        event.preventDefault();
        if (settling) setSettling(false);
        else onExit();
        return;
      }
      if (typing(event.target)) return;
      const next = ["ArrowRight", "ArrowDown", "PageDown", "j", "J", " "].includes(event.key);
      const previous = ["ArrowLeft", "ArrowUp", "PageUp", "k", "K"].includes(event.key);
      if (next || previous) {
        event.preventDefault();
        onMove(Math.max(0, Math.min(turns.length - 1, position + (next ? 1 : -1))));
      } else if (event.key === "Home") onMove(0);
      else if (event.key === "End") onMove(turns.length - 1);
      else if ((event.key === "n" || event.key === "N") && props.canShowNames) props.onToggleNames();
      else if ((event.key === "s" || event.key === "S") && props.canSettle && !decision) {
        event.preventDefault();
        setSettling(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [turns.length, position, onMove, onExit, settling, props, decision]);

  return (
    <div ref={root} className={styles.projector} role="dialog" aria-modal="true" aria-label="Projector mode" tabIndex={-1} data-testid="projector">
      {turn ? (
        <>
          <header className={styles.projectorHead}>
            <h2 className={styles.projectorTitle} data-testid="projector-turn">
              Turn {turn.index + 1} · {turn.speaker}
            </h2>
            <span className={styles.projectorPlace}>
              {hotspotRank > 0 ? `Hotspot ${hotspotRank} of ${hotspots.length} · ` : ""}
              {position + 1} of {turns.length} turns, {props.orderName}
              {props.dimensionName ? ` · ${props.dimensionName} only` : ""}
            </span>
            <span className={`${styles.projectorDisagreement} ${isHot(turn) ? styles.projectorHot : ""}`}>Disagreement {disagreementText(turn, props.dimension)}</span>
            <span className={styles.spacer} />
            {props.canShowNames && (
              <button type="button" className="btn" onClick={props.onToggleNames} aria-pressed={props.showNames}>
                {props.showNames ? "Hide names" : "Show names"} <kbd>N</kbd>
              </button>
            )}
            <button type="button" className="btn" onClick={onExit}>
              Leave <kbd>Esc</kbd>
            </button>
          </header>
          <div className={styles.projectorBody}>
            <section className={styles.projectorText} aria-label="The turn">
              {turn.before && (
                <p className={styles.projectorContext}>
                  <span className={styles.contextSpeaker}>{turn.before.speaker}:</span> {turn.before.text}
                </p>
              )}
              <blockquote className={`${styles.projectorQuote} ${textSize(turn.text)}`}>{turn.text}</blockquote>
            </section>
            <section className={styles.projectorCodes} aria-label="How the class coded it">
              <h3 className={styles.projectorSub}>
                How the class coded it <span className="muted">({turn.looked} coders)</span>
              </h3>
              <DistributionBars bars={props.barsOf(turn)} looked={turn.looked} none={props.dimension === null ? turn.none : null} hasKey={props.hasKey} large />
              {props.hasKey && <KeyCodes mask={turn.key} keyName={props.showNames ? props.keyName : null} />}
              {decision ? (
                <ConsensusNote decision={decision} by={props.decidedBy(decision)} />
              ) : settling ? (
                <SettleForm
                  turnNumber={turn.index + 1}
                  initial={suggestedCodes(turn)}
                  disabled={!props.settleReady}
                  onSettle={(codes, rationale) => {
                    props.onSettle(turn.turnId, codes, rationale);
                    setSettling(false);
                    root.current?.focus();
                  }}
                  onCancel={() => {
                    setSettling(false);
                    root.current?.focus();
                  }}
                />
              ) : props.canSettle ? (
                <button type="button" className="btn" onClick={() => setSettling(true)}>
                  Settle this turn… <kbd>S</kbd>
                </button>
              ) : null}
            </section>
          </div>
          <footer className={styles.projectorFoot}>
            <button type="button" className="btn" onClick={() => onMove(Math.max(0, position - 1))} disabled={position === 0}>
              ← Previous
            </button>
            <span className={styles.projectorHint}>
              <kbd>←</kbd> <kbd>→</kbd> or <kbd>J</kbd> <kbd>K</kbd> to move · <kbd>Esc</kbd> to leave
            </span>
            <button type="button" className="btn" onClick={() => onMove(Math.min(turns.length - 1, position + 1))} disabled={position >= turns.length - 1}>
              Next →
            </button>
          </footer>
        </>
      ) : (
        <p>No turns to show with this filter.</p>
      )}
    </div>
  );
}
