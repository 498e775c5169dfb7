"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { type Codebook, DIMENSIONS, codeLabel, dimensionAbbreviation, dimensionColour, dimensionLabel } from "@/lib/domain/codebook";
import { splitCode } from "@/lib/domain/fadDistance";
import { headlineSentence } from "@/lib/domain/headline";
import type { GroupReviewPayload, ReviewTurn } from "@/lib/review/groupReviewTypes";
import { ConfusionMatrix } from "../agreement/ConfusionMatrix";
import { type ConfusionCategory, NO_CODE_LABEL, confusion, topConfusions } from "../agreement/unitModel";
import { PoleDefs } from "../agreement/chartParts";
import type { DimensionStyle } from "../agreement/agreementData";
import { SessionKeepAlive } from "../auth/SessionKeepAlive";
import { poleOf } from "../coding/codebookText";
import { CodeChip } from "./CodeChip";
import { ConsensusNote } from "./ConsensusNote";
import { DistributionBars } from "./DistributionBars";
import { codeBars, codeOfBit, maskBits } from "./groupModel";
import { compareWithKey, meSummary, verdictText } from "./meVsKey";
import { useConsensus } from "./useConsensus";
import styles from "./review.module.css";

export interface TraineeReviewProps {
  data: GroupReviewPayload;
  codebook: Codebook;
  viewerName: string;
}

function mixLabel(category: ConfusionCategory): string {
  if (category === NO_CODE_LABEL) return "no code";
  const { dimension, polarity } = splitCode(category);
  return codeLabel(dimension, polarity);
}

function Chips({ mask }: { mask: number | null | undefined }) {
  if (mask === null || mask === undefined) return <span className="muted">not looked at</span>;
  const bits = maskBits(mask);
  if (bits.length === 0) return <span>no code</span>;
  return (
    <>
      {bits.map((bit) => {
        const { dimension, polarity } = codeOfBit(bit);
        return <CodeChip key={bit} dimension={dimension} polarity={polarity} />;
      })}
    </>
  );
}

function Definitions({ bits, codebook }: { bits: number[]; codebook: Codebook }) {
  if (bits.length === 0) return null;
  return (
    <details className={styles.definitions}>
      <summary>Codebook definitions of these codes</summary>
      <dl>
        {bits.map((bit) => {
          const { dimension, polarity } = codeOfBit(bit);
          const pole = poleOf(codebook, dimension, polarity);
          return (
            <div key={bit}>
              <dt>
                <CodeChip dimension={dimension} polarity={polarity} /> {pole?.process}
              </dt>
              <dd>{pole?.definition}</dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}

/**
 * A trainee's feedback after the reveal: their codes beside the key's, turn by turn, in words; the
 * codebook definitions of the codes involved; their dimension × pole confusion against the key; the
 * class's codes as counts (names only where the exercise allows); and the group's consensus.
 */
export function TraineeReview({ data, codebook, viewerName }: TraineeReviewProps) {
  const [onlyDifferences, setOnlyDifferences] = useState(true);
  const [showClass, setShowClass] = useState(true);
  const consensus = useConsensus(data.exercise.id);
  const hasKey = data.key !== null;
  const summary = meSummary(data.turns);
  const differs = (t: ReviewTurn) => hasKey && t.key !== null && t.me !== null && t.me !== undefined && t.me !== t.key;
  const shown = data.turns.filter((t) => !onlyDifferences || !hasKey || differs(t) || (t.key !== null && (t.me === null || t.me === undefined)));
  const dimensionStyles: DimensionStyle[] = useMemo(
    () => DIMENSIONS.map((d) => ({ dimension: d, label: dimensionLabel(d), abbreviation: dimensionAbbreviation(d), colour: dimensionColour(d) })),
    [],
  );
  const key = data.key;
  const matrixCoders = useMemo(() => {
    if (!key) return [];
    return [
      { id: key.id, name: key.name, masks: data.turns.map((t) => t.key ?? -1) },
      { id: data.viewer.id, name: "you", masks: data.turns.map((t) => t.me ?? -1) },
    ];
  }, [data.turns, data.viewer.id, key]);
  const mixups = useMemo(() => (matrixCoders.length === 2 ? topConfusions(confusion(matrixCoders[0]!, matrixCoders[1]!), 3) : []), [matrixCoders]);
  const nameOf = (id: string) => (id === data.viewer.id ? "you" : id === key?.id ? "the key" : (data.cohort.find((c) => c.id === id)?.name ?? "a supervisor"));

  return (
    <div className={styles.page}>
      <SessionKeepAlive />
      <header className="exercise-bar coding-bar">
        <Link href={`/exercises/${data.exercise.id}`} className="btn" aria-label="Back to the coding page">
          ←
        </Link>
        <h1 className="title">{hasKey ? "You vs the key" : "You vs the class"}: {data.exercise.title}</h1>
        <span className="bar-spacer" />
        <span className="muted small">Signed in as {viewerName}</span>
      </header>
      <main className={styles.main}>
        {hasKey ? (
          <section className="card" aria-labelledby="me-summary">
            <h2 id="me-summary" className="sr-only">
              Summary
            </h2>
            <div className={styles.scoreLine} data-testid="me-summary">
              <span>
                <span className={styles.scoreBig}>
                  {summary.same} of {summary.compared}
                </span>{" "}
                turns coded exactly like the key
              </span>
              {summary.notLooked > 0 && (
                <span className="muted">
                  {summary.notLooked} turn{summary.notLooked === 1 ? "" : "s"} you did not look at
                </span>
              )}
              <span className="muted small">{data.unitDefinition}</span>
            </div>
            {data.viewerHeadline && (
              <p data-testid="me-headline">
                Your agreement with the key: <strong>{headlineSentence(data.viewerHeadline)}</strong>
              </p>
            )}
            {mixups.length > 0 && (
              <p className="small">
                Most frequent difference{mixups.length === 1 ? "" : "s"}:{" "}
                {mixups.map((m, i) => (
                  <span key={`${m.row}:${m.column}`}>
                    {i > 0 ? "; " : ""}
                    the key {mixLabel(m.row)}, you {mixLabel(m.column)} ({m.count} turn{m.count === 1 ? "" : "s"})
                  </span>
                ))}
                . <a href="#me-confusion">The whole confusion matrix is below the turns.</a>
              </p>
            )}
          </section>
        ) : (
          <p className="muted">This exercise has no key: your codes are shown beside the class&apos;s. {data.unitDefinition}</p>
        )}
        <div className={styles.controls} role="group" aria-label="What to show">
          {hasKey && (
            <label className={styles.check}>
              <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} /> Only turns where you differ from the key
            </label>
          )}
          <label className={styles.check}>
            <input type="checkbox" checked={showClass} onChange={(e) => setShowClass(e.target.checked)} /> Show how the class coded each turn
          </label>
          <span className="muted small">{data.namesVisible ? "Other coders are named, as this exercise allows." : "Other coders stay anonymous."}</span>
        </div>
        {shown.length === 0 ? (
          <p className="empty">You coded every turn exactly like the key.</p>
        ) : (
          <ol className={styles.turnList}>
            {shown.map((turn) => {
              const v = hasKey && turn.key !== null && turn.me !== null && turn.me !== undefined ? compareWithKey(turn.me, turn.key) : null;
              const involved = [...new Set([...maskBits(turn.me), ...maskBits(turn.key)])].sort((a, b) => a - b);
              const decision = consensus.decisions.get(turn.turnId) ?? null;
              const headingId = `me-turn-${turn.turnId}`;
              return (
                <li key={turn.turnId}>
                  <article className={`card ${styles.turnCard}`} aria-labelledby={headingId} data-testid="me-turn">
                    <header className={styles.turnHead}>
                      <h2 id={headingId}>
                        Turn {turn.index + 1} · {turn.speaker}
                      </h2>
                      {v && <span className={`${styles.verdict} ${v.same ? styles.verdictSame : styles.verdictDiff}`}>{v.same ? "✓ same as the key" : "≠ differs from the key"}</span>}
                    </header>
                    {turn.before && (
                      <p className={styles.context}>
                        <span className={styles.contextSpeaker}>{turn.before.speaker}:</span> {turn.before.text}
                      </p>
                    )}
                    <blockquote className={styles.turnText}>{turn.text}</blockquote>
                    <div className={styles.turnBody}>
                      <div>
                        <p className={styles.meRow}>
                          <span className={styles.meLabel}>You</span>
                          <span>
                            <Chips mask={turn.me} />
                          </span>
                        </p>
                        {hasKey && (
                          <p className={styles.meRow}>
                            <span className={styles.meLabel}>Key</span>
                            <span>
                              <Chips mask={turn.key} />
                            </span>
                          </p>
                        )}
                        {v && !v.same && <p data-testid="me-verdict">{verdictText(v)}</p>}
                        <Definitions bits={involved} codebook={codebook} />
                      </div>
                      <div>
                        {showClass && (
                          <>
                            <p className="small">
                              <strong>The class</strong> ({turn.looked} coders)
                            </p>
                            <DistributionBars bars={codeBars(turn, data.cohort, data.namesVisible, null)} looked={turn.looked} none={turn.none} hasKey={hasKey} />
                          </>
                        )}
                        {decision && <ConsensusNote decision={decision} by={nameOf(decision.by)} />}
                      </div>
                    </div>
                  </article>
                </li>
              );
            })}
          </ol>
        )}
        {hasKey && summary.compared > 0 && (
          <section id="me-confusion" className={`card ${styles.matrixSection}`} aria-label="Your codes against the key, code by code">
            <svg width="0" height="0" aria-hidden="true" style={{ position: "absolute" }}>
              <PoleDefs styles={dimensionStyles} />
            </svg>
            <ConfusionMatrix coders={matrixCoders} keyCoderId={key?.id ?? null} styles={dimensionStyles} />
          </section>
        )}
      </main>
    </div>
  );
}
