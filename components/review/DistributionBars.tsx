import { dimensionColour } from "@/lib/domain/codebook";
import type { CodeBar } from "./groupModel";
import { CodeChip } from "./CodeChip";
import styles from "./review.module.css";

export interface DistributionBarsProps {
  bars: readonly CodeBar[];
  /** Coders who looked at the turn: each bar is a share of them. */
  looked: number;
  /** Coders who looked and gave no code (drawn as its own bar, without a filter). */
  none: number | null;
  hasKey: boolean;
  large?: boolean;
}

/**
 * The class's codes on one turn, one bar per code: "COG·I ████████ 17 of 40 ✓ key". The bar is filled
 * for flexible and hatched for inflexible codes, in the dimension's colour, so pole never rests on
 * colour alone; the numbers are always written out.
 */
export function DistributionBars({ bars, looked, none, hasKey, large }: DistributionBarsProps) {
  const share = (n: number) => (looked > 0 ? Math.round((n / looked) * 100) : 0);
  return (
    <ul className={`${styles.bars} ${large ? styles.barsLarge : ""}`} aria-label="How the class coded this turn" data-testid="distribution">
      {bars.map((bar) => {
        const colour = dimensionColour(bar.dimension);
        return (
          <li key={bar.bit} className={styles.barRow} data-code={bar.label}>
            <CodeChip dimension={bar.dimension} polarity={bar.polarity} className={styles.barChip} />
            <span className={styles.barTrack} aria-hidden="true">
              <span
                className={`${styles.barFill} ${bar.polarity === "inflexible" ? styles.barHatched : ""}`}
                style={{ width: `${share(bar.count)}%`, ["--bar-colour" as string]: colour }}
              />
            </span>
            <span className={styles.barCount}>
              <strong>{bar.count}</strong> of {looked}
            </span>
            <span className={styles.barKey}>{bar.inKey && hasKey ? <strong className={styles.keyMark}>✓ key</strong> : null}</span>
            {bar.names.length > 0 && <span className={styles.barNames}>{bar.names.join(", ")}</span>}
          </li>
        );
      })}
      {none !== null && none > 0 && (
        <li className={styles.barRow} data-code="none">
          <span className={`${styles.barChip} ${styles.noneChip}`}>no code</span>
          <span className={styles.barTrack} aria-hidden="true">
            <span className={`${styles.barFill} ${styles.noneFill}`} style={{ width: `${share(none)}%` }} />
          </span>
          <span className={styles.barCount}>
            <strong>{none}</strong> of {looked}
          </span>
          <span className={styles.barKey} />
        </li>
      )}
    </ul>
  );
}
