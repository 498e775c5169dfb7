"use client";

import { useState } from "react";
import type { ReviewTurn } from "@/lib/review/groupReviewTypes";
import type { ConsensusCode, Decision } from "../coding/review/consensusDoc";
import { CodeChip } from "./CodeChip";
import { ConsensusNote } from "./ConsensusNote";
import { DistributionBars } from "./DistributionBars";
import { type CodeBar, codeOfBit, disagreementText, disagreementValue, HOTSPOT_THRESHOLD, maskBits, suggestedCodes } from "./groupModel";
import { SettleForm } from "./SettleForm";
import styles from "./review.module.css";

export interface TurnCardProps {
  turn: ReviewTurn;
  bars: CodeBar[];
  dimension: number | null;
  hasKey: boolean;
  keyName: string | null;
  decision: Decision | null;
  decidedBy: string;
  canSettle: boolean;
  settleReady: boolean;
  onSettle: (codes: ConsensusCode[], rationale: string) => void;
  onReopen: () => void;
}

export function KeyCodes({ mask, keyName }: { mask: number | null; keyName: string | null }) {
  const bits = maskBits(mask);
  return (
    <p className={styles.keyLine}>
      <span className={styles.keyLabel}>Key{keyName ? ` (${keyName})` : ""}:</span>{" "}
      {mask === null ? (
        <span className="muted">did not look at this turn</span>
      ) : bits.length === 0 ? (
        <span>no code</span>
      ) : (
        bits.map((bit) => {
          const { dimension, polarity } = codeOfBit(bit);
          return <CodeChip key={bit} dimension={dimension} polarity={polarity} />;
        })
      )}
    </p>
  );
}

/** One unit turn in the group review list: its text, the class's bars, the key, and the consensus. */
export function TurnCard({ turn, bars, dimension, hasKey, keyName, decision, decidedBy, canSettle, settleReady, onSettle, onReopen }: TurnCardProps) {
  const [settling, setSettling] = useState(false);
  const value = disagreementValue(turn, dimension);
  const headingId = `group-turn-${turn.turnId}`;
  return (
    <article className={`card ${styles.turnCard}`} aria-labelledby={headingId} data-testid="group-turn" data-turn-index={turn.index}>
      <header className={styles.turnHead}>
        <h2 id={headingId}>
          Turn {turn.index + 1} · {turn.speaker}
        </h2>
        <span className={`${styles.disagreement} ${value !== null && value >= HOTSPOT_THRESHOLD ? styles.hot : ""}`} data-testid="disagreement">
          Disagreement {disagreementText(turn, dimension)}
        </span>
        {hasKey && (
          <span className="muted small">
            {turn.matchKey} of {turn.looked} match the key exactly
          </span>
        )}
        {decision && <span className="badge badge-settled">Settled ✓</span>}
      </header>
      {turn.before && (
        <p className={styles.context}>
          <span className={styles.contextSpeaker}>{turn.before.speaker}:</span> {turn.before.text}
        </p>
      )}
      <blockquote className={styles.turnText}>{turn.text}</blockquote>
      <div className={styles.turnBody}>
        <div>
          {bars.length === 0 && turn.none === 0 ? <p className="muted">Nobody coded this turn.</p> : <DistributionBars bars={bars} looked={turn.looked} none={dimension === null ? turn.none : null} hasKey={hasKey} />}
          {hasKey && <KeyCodes mask={turn.key} keyName={keyName} />}
        </div>
        <div>
          {decision ? (
            <>
              <ConsensusNote decision={decision} by={decidedBy} />
              {canSettle && (
                <button type="button" className="btn btn-small" onClick={onReopen}>
                  Reopen
                </button>
              )}
            </>
          ) : canSettle ? (
            settling ? (
              <SettleForm
                turnNumber={turn.index + 1}
                initial={suggestedCodes(turn)}
                disabled={!settleReady}
                onSettle={(codes, rationale) => {
                  onSettle(codes, rationale);
                  setSettling(false);
                }}
                onCancel={() => setSettling(false)}
              />
            ) : (
              <button type="button" className="btn" onClick={() => setSettling(true)}>
                Settle turn {turn.index + 1}…
              </button>
            )
          ) : (
            <p className="muted small">Not settled yet.</p>
          )}
        </div>
      </div>
    </article>
  );
}
