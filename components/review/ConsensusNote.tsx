import type { Decision } from "../coding/review/consensusDoc";
import { CodeChip } from "./CodeChip";
import styles from "./review.module.css";

/** A settled turn: the consensus codes and the rationale the group agreed on. */
export function ConsensusNote({ decision, by }: { decision: Decision; by: string }) {
  return (
    <div className={styles.consensus} data-testid="consensus">
      <p>
        <strong>Consensus:</strong>{" "}
        {decision.codes.length === 0 ? (
          <span>no code</span>
        ) : (
          decision.codes.map((c) => <CodeChip key={`${c.dimension}.${c.polarity}`} dimension={c.dimension} polarity={c.polarity} />)
        )}
      </p>
      <p className={styles.rationale}>
        “{decision.rationale}” <span className="muted small">— {by}</span>
      </p>
    </div>
  );
}
