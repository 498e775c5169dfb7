"use client";

import { useState } from "react";
import { type Codebook, DIMENSIONS, POLARITIES, codeLabel, dimensionColour, dimensionLabel } from "@/lib/domain/codebook";
import type { StoredCode } from "@/lib/domain/layerDoc";
import { poleOf, processLabel } from "../codebookText";
import { inkOn } from "../colours";
import { type ConsensusCode, type Decision, type DecisionKind } from "./consensusDoc";
import { type TurnComparison, type Verdict, codesFor, labelKey } from "./reviewModel";

const VERDICT_TEXT: Record<Verdict, string> = { agree: "agree", only_a: "only A", only_b: "only B", opposite: "opposite polarity" };

const DECISION_TEXT: Record<DecisionKind, string> = { accept_a: "Accept A", accept_b: "Accept B", both: "Both", neither: "Neither", edit: "Edit" };

export interface DisagreementCardProps {
  comparison: TurnComparison;
  turn: { index: number; speaker: string; text: string; start: number | null };
  names: { a: string; b: string };
  codebook: Codebook;
  decision: Decision | null;
  decidedBy: string | null;
  canDecide: boolean;
  onDecide: (kind: DecisionKind, codes: ConsensusCode[], rationale: string) => void;
  onReopen: () => void;
}

function Chip({ code }: { code: Pick<StoredCode, "dimension" | "polarity"> }) {
  const colour = dimensionColour(code.dimension);
  return (
    <span className={`chip chip-${code.polarity}`} style={{ ["--code-colour" as string]: colour, ["--chip-ink" as string]: code.polarity === "flexible" ? inkOn(colour) : "var(--ink)" }}>
      {codeLabel(code.dimension, code.polarity)}
    </span>
  );
}

function Side({ codes, codebook }: { codes: StoredCode[]; codebook: Codebook }) {
  if (codes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="side-codes">
      {codes.map((c) => (
        <li key={c.id}>
          <Chip code={c} /> <span className="small">“{c.quote.length > 80 ? `${c.quote.slice(0, 80)}…` : c.quote}”</span>
          <span className="muted small"> — {processLabel(codebook, c)}</span>
          {c.note && <span className="muted small"> · {c.note}</span>}
        </li>
      ))}
    </ul>
  );
}

export function DisagreementCard({ comparison, turn, names, codebook, decision, decidedBy, canDecide, onDecide, onReopen }: DisagreementCardProps) {
  const [kind, setKind] = useState<DecisionKind | null>(null);
  const [rationale, setRationale] = useState("");
  const [edited, setEdited] = useState<Set<string>>(() => new Set(codesFor("both", comparison).map((c) => labelKey(c.dimension, c.polarity))));
  const [problem, setProblem] = useState<string | null>(null);
  const involved = comparison.rows.flatMap((r) => [...r.a, ...r.b]);
  const definitions = [...new Map(involved.map((c) => [labelKey(c.dimension, c.polarity), c])).values()];
  const headingId = `turn-review-${comparison.turnId}`;

  const settle = () => {
    if (!kind) return setProblem("Choose how to settle this turn.");
    if (!rationale.trim()) return setProblem("Write a one-line rationale — it is what the group learns from.");
    const codes =
      kind === "edit"
        ? [...edited].map((key) => {
            const [dimension, polarity] = key.split(":") as [ConsensusCode["dimension"], ConsensusCode["polarity"]];
            return { dimension, polarity };
          })
        : codesFor(kind, comparison);
    setProblem(null);
    onDecide(kind, codes, rationale.trim());
  };

  return (
    <article className={`review-card card${decision ? " review-settled" : ""}`} aria-labelledby={headingId} data-testid="disagreement" data-turn={comparison.turnId}>
      <header className="review-card-head">
        <h3 id={headingId}>
          Turn {turn.index + 1} · {turn.speaker}
        </h3>
        {decision && (
          <span className="badge badge-settled" data-testid="settled">
            Settled ✓ {DECISION_TEXT[decision.decision]}
          </span>
        )}
      </header>
      <blockquote className="review-text">{turn.text}</blockquote>
      <table className="review-table">
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col">A · {names.a}</th>
            <th scope="col">B · {names.b}</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr key={row.dimension} className={`verdict-${row.verdict}`}>
              <th scope="row">{dimensionLabel(row.dimension)}</th>
              <td>
                <Side codes={row.a} codebook={codebook} />
              </td>
              <td>
                <Side codes={row.b} codebook={codebook} />
              </td>
              <td>
                <span className={`verdict verdict-tag-${row.verdict}`}>{row.verdict === "agree" ? "✓ agree" : `≠ ${VERDICT_TEXT[row.verdict]}`}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details className="review-definitions" open>
        <summary>Codebook definitions of these codes</summary>
        <dl>
          {definitions.map((c) => {
            const pole = poleOf(codebook, c.dimension, c.polarity);
            return (
              <div key={labelKey(c.dimension, c.polarity)}>
                <dt>
                  <Chip code={c} /> {pole?.process}
                </dt>
                <dd>{pole?.definition}</dd>
              </div>
            );
          })}
        </dl>
      </details>
      {decision ? (
        <div className="review-decision">
          <p>
            <strong>{DECISION_TEXT[decision.decision]}</strong>
            {decision.codes.length > 0 ? " → " : " → no codes"}
            {decision.codes.map((c) => (
              <Chip key={labelKey(c.dimension, c.polarity)} code={c} />
            ))}
          </p>
          <p className="review-rationale">
            “{decision.rationale}” <span className="muted small">— {decidedBy ?? "a reviewer"}</span>
          </p>
          {canDecide && (
            <button type="button" className="btn btn-small" onClick={onReopen}>
              Reopen
            </button>
          )}
        </div>
      ) : canDecide ? (
        <form
          className="review-form"
          onSubmit={(event) => {
            event.preventDefault();
            settle();
          }}
        >
          <fieldset className="choice-row">
            <legend>Settle as</legend>
            {(["accept_a", "accept_b", "both", "neither", "edit"] as const).map((k) => (
              <label key={k} className="choice">
                <input type="radio" name={`decision-${comparison.turnId}`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                <span>{DECISION_TEXT[k]}</span>
              </label>
            ))}
          </fieldset>
          {kind === "edit" && (
            <fieldset className="edit-grid">
              <legend>Consensus codes for this turn</legend>
              {DIMENSIONS.map((d) =>
                POLARITIES.map((p) => (
                  <label key={labelKey(d, p)} className="small">
                    <input
                      type="checkbox"
                      checked={edited.has(labelKey(d, p))}
                      onChange={() =>
                        setEdited((prev) => {
                          const next = new Set(prev);
                          if (next.has(labelKey(d, p))) next.delete(labelKey(d, p));
                          else next.add(labelKey(d, p));
                          return next;
                        })
                      }
                    />{" "}
                    {codeLabel(d, p)}
                  </label>
                )),
              )}
            </fieldset>
          )}
          <label className="popover-field">
            <span>Rationale (one line, required)</span>
            <input type="text" value={rationale} maxLength={500} onChange={(e) => setRationale(e.target.value)} placeholder="e.g. “Reason-giving, not a value: the rule blocks action.”" />
          </label>
          {problem && (
            <p className="popover-problem" role="alert">
              {problem}
            </p>
          )}
          <div>
            <button type="submit" className="btn btn-primary">
              Settle turn {turn.index + 1}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted small">Not settled yet. Supervisors settle disagreements here.</p>
      )}
    </article>
  );
}
