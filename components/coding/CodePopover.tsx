"use client";

import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { type Codebook, DIMENSIONS, type Dimension, type Polarity, codeLabel, dimensionAbbreviation, dimensionColour, dimensionLabel } from "@/lib/domain/codebook";
import { poleOf } from "./codebookText";
import type { CodeChoice } from "./writeCode";

export interface PopoverPlace {
  left: number;
  top: number;
  bottom: number;
}

export interface CodePopoverProps {
  codebook: Codebook;
  heading: string;
  quote: string;
  /** What the code covers, in words: "whole turn", "selected text". */
  scope: string;
  initial: Partial<CodeChoice>;
  place: PopoverPlace;
  onSave: (choice: CodeChoice) => void;
  onCancel: () => void;
  onDelete?: () => void;
}

const WIDTH = 380;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "text");
}

/**
 * The compact coding form: 1–6 picks the dimension, F / I the pole, Enter saves, Esc cancels. A form
 * with native radios, so arrow keys, Space and Enter behave as everywhere else.
 */
export function CodePopover({ codebook, heading, quote, scope, initial, place, onSave, onCancel, onDelete }: CodePopoverProps) {
  const [dimension, setDimension] = useState<Dimension | null>(initial.dimension ?? null);
  const [polarity, setPolarity] = useState<Polarity | null>(initial.polarity ?? null);
  const [process, setProcess] = useState(initial.process ?? "");
  const [note, setNote] = useState(initial.note ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  const [top, setTop] = useState(place.bottom + 8);
  const titleId = useId();
  const hintId = useId();

  useLayoutEffect(() => {
    // Level with the target when it fits, else as close as the window allows.
    const height = ref.current?.offsetHeight ?? 360;
    setTop(Math.max(8, Math.min(place.bottom, window.innerHeight - height - 8)));
  }, [place]);

  useEffect(() => {
    // Focus the chosen dimension (or the first): from there 1–6, F/I, arrows and Enter all work.
    const form = ref.current;
    (form?.querySelector<HTMLInputElement>('input[name="dimension"]:checked') ?? form?.querySelector<HTMLInputElement>('input[name="dimension"]'))?.focus();
  }, []);

  // A click outside the form cancels it, like Esc.
  useEffect(() => {
    const onDown = (event: MouseEvent) => {
      if (ref.current && event.target instanceof Node && !ref.current.contains(event.target)) onCancel();
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [onCancel]);

  const pole = dimension && polarity ? poleOf(codebook, dimension, polarity) : null;
  const tags = pole?.tags ?? [];

  const save = () => {
    if (!dimension || !polarity) {
      setProblem(!dimension ? "Choose a dimension (1–6)." : "Choose flexible (F) or inflexible (I).");
      return;
    }
    onSave({ dimension, polarity, process: tags.some((t) => t.id === process) ? process : "", note });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
      return;
    }
    if (event.key === "Enter" && event.target instanceof HTMLSelectElement) {
      event.preventDefault();
      save();
      return;
    }
    if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const digit = Number(event.key);
    if (Number.isInteger(digit) && digit >= 1 && digit <= DIMENSIONS.length) {
      event.preventDefault();
      setDimension(DIMENSIONS[digit - 1] ?? null);
      setProblem(null);
    } else if (event.key === "f" || event.key === "F") {
      event.preventDefault();
      setPolarity("flexible");
      setProblem(null);
    } else if (event.key === "i" || event.key === "I") {
      event.preventDefault();
      setPolarity("inflexible");
      setProblem(null);
    }
  };

  const left = Math.max(8, Math.min(place.left, window.innerWidth - WIDTH - 8));
  return (
    <form
      ref={ref}
      className="code-popover"
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      style={{ left, top, width: WIDTH }}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      data-testid="code-popover"
    >
      <div className="popover-head">
        <strong id={titleId}>{heading}</strong>
        <span className="muted small">{scope}</span>
      </div>
      <blockquote className="popover-quote">“{quote.length > 140 ? `${quote.slice(0, 140)}…` : quote}”</blockquote>
      <p id={hintId} className="sr-only">
        Keys: 1 to 6 choose the dimension, F or I the pole, Enter saves, Escape cancels.
      </p>
      <fieldset className="choice-row">
        <legend>Dimension</legend>
        {DIMENSIONS.map((d, i) => (
          <label key={d} className="choice" style={{ ["--code-colour" as string]: dimensionColour(d) }} title={dimensionLabel(d)}>
            <input type="radio" name="dimension" value={d} checked={dimension === d} onChange={() => (setDimension(d), setProblem(null))} aria-label={`${i + 1}: ${dimensionLabel(d)}`} />
            <span>
              <kbd>{i + 1}</kbd> {dimensionAbbreviation(d)}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="choice-row">
        <legend>Pole</legend>
        {(["flexible", "inflexible"] as const).map((p) => (
          <label key={p} className={`choice choice-${p}`}>
            <input type="radio" name="polarity" value={p} checked={polarity === p} onChange={() => (setPolarity(p), setProblem(null))} />
            <span>
              <kbd>{p === "flexible" ? "F" : "I"}</kbd> {p}
            </span>
          </label>
        ))}
      </fieldset>
      {dimension && polarity && pole && (
        <p className="popover-definition small">
          <strong>{codeLabel(dimension, polarity)} · {pole.process}.</strong> {pole.definition}
        </p>
      )}
      <label className="popover-field">
        <span>Process (optional)</span>
        <select value={process} onChange={(e) => setProcess(e.target.value)} disabled={!dimension || !polarity}>
          <option value="">{pole ? `— ${pole.process} (default) —` : "— choose dimension and pole first —"}</option>
          {tags.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="popover-field">
        <span>Note (optional)</span>
        <input type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} placeholder="Why this code?" />
      </label>
      {problem && (
        <p className="popover-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="popover-actions">
        {onDelete && (
          <button type="button" className="btn btn-danger" onClick={onDelete}>
            Delete code
          </button>
        )}
        <span style={{ flex: 1 }} />
        <button type="button" className="btn" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button type="submit" className="btn btn-primary">
          Save <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
}
