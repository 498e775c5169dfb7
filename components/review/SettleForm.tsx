"use client";

import { useId, useState } from "react";
import { DIMENSIONS, POLARITIES, codeLabel, dimensionColour } from "@/lib/domain/codebook";
import { FAD_CODES, fadCode } from "@/lib/domain/fadDistance";
import type { ConsensusCode } from "../coding/review/consensusDoc";
import { codeOfBit } from "./groupModel";
import styles from "./review.module.css";

export interface SettleFormProps {
  turnNumber: number;
  /** Codes ticked at first (the key's, or the class majority's). */
  initial: readonly number[];
  disabled: boolean;
  onSettle: (codes: ConsensusCode[], rationale: string) => void;
  onCancel?: () => void;
}

/** Consensus for one turn: tick the codes the group settles on (none is an answer too) and say why in one line. */
export function SettleForm({ turnNumber, initial, disabled, onSettle, onCancel }: SettleFormProps) {
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(initial));
  const [rationale, setRationale] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const submit = () => {
    if (!rationale.trim()) {
      setProblem("Write a one-line rationale — it is what the group learns from.");
      return;
    }
    setProblem(null);
    const codes = [...chosen].sort((a, b) => a - b).map((bit) => codeOfBit(bit));
    onSettle(codes, rationale.trim());
  };
  return (
    <form
      className={styles.settle}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      aria-label={`Settle turn ${turnNumber}`}
    >
      <fieldset className={styles.settleCodes}>
        <legend>Consensus codes for turn {turnNumber}</legend>
        {DIMENSIONS.map((d) => (
          <span key={d} className={styles.settlePair}>
            {POLARITIES.map((p) => {
              const bit = FAD_CODES.indexOf(fadCode(d, p));
              return (
                <label key={p} className={`choice choice-${p}`} style={{ ["--code-colour" as string]: dimensionColour(d) }}>
                  <input
                    type="checkbox"
                    checked={chosen.has(bit)}
                    onChange={() =>
                      setChosen((prev) => {
                        const next = new Set(prev);
                        if (next.has(bit)) next.delete(bit);
                        else next.add(bit);
                        return next;
                      })
                    }
                  />
                  <span>{codeLabel(d, p)}</span>
                </label>
              );
            })}
          </span>
        ))}
      </fieldset>
      <label className={styles.settleRationale} htmlFor={`${id}-rationale`}>
        <span>Rationale (one line, required)</span>
        <input
          id={`${id}-rationale`}
          type="text"
          value={rationale}
          maxLength={500}
          onChange={(e) => setRationale(e.target.value)}
          placeholder="e.g. “Reason-giving, not a value: the rule blocks action.”"
        />
      </label>
      {problem && (
        <p className="popover-problem" role="alert">
          {problem}
        </p>
      )}
      <div className={styles.settleActions}>
        <button type="submit" className="btn btn-primary" disabled={disabled}>
          Settle turn {turnNumber}
          {chosen.size === 0 ? " as no code" : ""}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
