"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { type CandidateGroup, type Decisions, describeCounts, isAccepted, KIND_LABELS } from "./reviewModel";
import type { PreviewCandidate } from "./types";

interface Props {
  candidates: readonly PreviewCandidate[];
  groups: readonly CandidateGroup[];
  decisions: Decisions;
  /** Shown for each occurrence: the label the speaker will have once imported. */
  labels: Readonly<Record<string, string>>;
  extraNames: readonly string[];
  clientNames: readonly string[];
  disabled: boolean;
  onAccept: (ids: readonly string[], accepted: boolean) => void;
  onPseudonym: (ids: readonly string[], value: string) => void;
  onAddName: (name: string, asClient: boolean) => void;
  onRemoveName: (name: string, asClient: boolean) => void;
}

function GroupCheckbox({ checked, mixed, label, disabled, onChange }: { checked: boolean; mixed: boolean; label: string; disabled: boolean; onChange: (v: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <label className="import-deid-check">
      <input ref={ref} type="checkbox" checked={checked} aria-checked={mixed ? "mixed" : checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-label={label} />
      <span aria-hidden="true">Replace</span>
    </label>
  );
}

function Context({ c, labels }: { c: PreviewCandidate; labels: Readonly<Record<string, string>> }) {
  return (
    <span className="import-deid-context">
      <span className="muted">
        Turn {c.turnIndex + 1} · {labels[c.speaker] ?? c.speaker}:
      </span>{" "}
      “{c.before}
      <mark>{c.text}</mark>
      {c.after}”
    </span>
  );
}

function AddNameForm({ label, button, hint, disabled, onAdd }: { label: string; button: string; hint: string; disabled: boolean; onAdd: (name: string) => void }) {
  const [value, setValue] = useState("");
  const id = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = value.replace(/\s+/g, " ").trim();
    if (name.length < 2) return;
    onAdd(name);
    setValue("");
  }
  return (
    <form className="import-add-name" onSubmit={submit}>
      <label htmlFor={id}>{label}</label>
      <span className="small muted" id={`${id}-hint`}>
        {hint}
      </span>
      <input id={id} aria-describedby={`${id}-hint`} value={value} onChange={(e) => setValue(e.target.value)} maxLength={100} autoComplete="off" />
      <button className="btn" type="submit" disabled={disabled || value.trim().length < 2}>
        {button}
      </button>
    </form>
  );
}

/**
 * The de-identification review: each suspected identifier grouped under the pseudonym it would become,
 * pre-accepted, with its context; the reviewer unticks what is not identifying, edits a pseudonym, and
 * adds names the detector missed (which runs the detector again over every turn).
 */
export function DeidReview({ candidates, groups, decisions, labels, extraNames, clientNames, disabled, onAccept, onPseudonym, onAddName, onRemoveName }: Props) {
  const acceptedCount = candidates.filter((c) => isAccepted(c, decisions)).length;
  return (
    <>
      {candidates.length === 0 ? (
        <p className="import-empty">
          No names, places, dates or contact details were found. Read the turns below for anything the detector can miss — a nickname, a workplace, a school —
          and add it here.
        </p>
      ) : (
        <>
          <p>
            Coflex found {describeCounts(groups)} that could identify someone, mentioned {candidates.length === 1 ? "once" : `${candidates.length} times`} in
            all. Ticked mentions are replaced by the pseudonym on the right ({acceptedCount} of {candidates.length} ticked). Untick anything that is not
            identifying; edit a pseudonym if you prefer another.
          </p>
          <ul className="import-deid" aria-label="Possible identifiers">
            {groups.map((group) => {
              const ids = group.candidates.map((c) => c.id);
              const acceptedHere = group.candidates.filter((c) => isAccepted(c, decisions)).length;
              const first = group.candidates[0];
              const originals = group.originals.join(", ");
              const edited = first ? decisions.pseudonyms[first.id] : undefined;
              const n = group.candidates.length;
              return (
                <li key={group.proposal} className="import-deid-group" data-accepted={acceptedHere > 0 ? "yes" : "no"}>
                  <div className="import-deid-row">
                    <GroupCheckbox
                      checked={acceptedHere === n}
                      mixed={acceptedHere > 0 && acceptedHere < n}
                      label={`Replace ${originals}`}
                      disabled={disabled}
                      onChange={(v) => onAccept(ids, v)}
                    />
                    <div className="import-deid-what">
                      <span className="badge">{KIND_LABELS[group.kind]}</span> <strong className="import-original">{originals}</strong>{" "}
                      <span className="small muted">
                        {n === 1 ? "once" : `${n} times`}
                        {acceptedHere === 0 ? " · kept as written" : acceptedHere < n ? ` · ${acceptedHere} of ${n} replaced` : ""}
                      </span>
                      {first && (
                        <div className="small">
                          <Context c={first} labels={labels} />
                        </div>
                      )}
                    </div>
                    <label className="import-deid-pseudonym">
                      <span className="small">becomes</span>
                      <input
                        aria-label={`Pseudonym for ${originals}`}
                        value={edited ?? group.proposal}
                        placeholder={group.proposal}
                        maxLength={80}
                        disabled={disabled || acceptedHere === 0}
                        onChange={(e) => onPseudonym(ids, e.target.value)}
                      />
                    </label>
                  </div>
                  {n > 1 && (
                    <details className="import-deid-each">
                      <summary className="small">Review each of the {n} mentions</summary>
                      <ul>
                        {group.candidates.map((c) => (
                          <li key={c.id}>
                            <label className="small">
                              <input type="checkbox" checked={isAccepted(c, decisions)} disabled={disabled} onChange={(e) => onAccept([c.id], e.target.checked)} />{" "}
                              <Context c={c} labels={labels} />
                            </label>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="import-add-names">
        <AddNameForm
          label="The client’s name"
          hint="The client speaker’s name, its parts and common short forms are found already. Add any other name the client goes by."
          button="Replace with [CLIENT]"
          disabled={disabled}
          onAdd={(name) => onAddName(name, true)}
        />
        <AddNameForm
          label="A name the detector missed"
          hint="A person, nickname, workplace or place; every capitalised mention is found."
          button="Find and replace"
          disabled={disabled}
          onAdd={(name) => onAddName(name, false)}
        />
      </div>
      {(clientNames.length > 0 || extraNames.length > 0) && (
        <ul className="import-added small" aria-label="Names you added">
          <li className="muted">You added:</li>
          {clientNames.map((name) => (
            <li key={`c:${name}`}>
              {name} <span className="muted">(the client)</span>{" "}
              <button type="button" className="btn btn-link" disabled={disabled} onClick={() => onRemoveName(name, true)} aria-label={`Remove ${name}`}>
                Remove
              </button>
            </li>
          ))}
          {extraNames.map((name) => (
            <li key={`e:${name}`}>
              {name}{" "}
              <button type="button" className="btn btn-link" disabled={disabled} onClick={() => onRemoveName(name, false)} aria-label={`Remove ${name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
