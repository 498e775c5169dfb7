"use client";

import Link from "next/link";
import { useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { ConnectionState } from "@/lib/collab/useCollabRoom";
import { ExportMenu } from "../agreement/ExportMenu";
import { Presence } from "../transcript/Presence";
import { Dialog } from "./Dialog";
import { LayerStatus } from "./LayerStatus";

export interface ExerciseBarProps {
  exerciseId: string;
  title: string;
  mode: "blind" | "open";
  state: "coding" | "revealed" | "closed";
  presence: WebsocketProvider | null;
  layerState: ConnectionState | null;
  reviewed: number;
  turns: number;
  isCoder: boolean;
  canCode: boolean;
  submitted: boolean;
  canReveal: boolean;
  canReview: boolean;
  submittedCount: number;
  coderCount: number;
  onSubmit: () => Promise<string | null>;
  onReveal: () => Promise<string | null>;
  onShortcuts: () => void;
  /** Agreement views: the viewer may see agreement now (exerciseRules.canSeeAgreement). */
  seesAgreement?: boolean;
}

function stateBadge(state: ExerciseBarProps["state"], submitted: boolean): string {
  if (state === "revealed") return "Revealed";
  if (state === "closed") return "Closed";
  return submitted ? "Submitted" : "Coding";
}

export function ExerciseBar(props: ExerciseBarProps) {
  const [confirm, setConfirm] = useState<"submit" | "reveal" | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = props.layerState?.kind === "offline" || (props.layerState?.kind === "online" && props.layerState.pending > 0);

  const run = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    const problem = await action();
    setBusy(false);
    setConfirm(null);
    if (problem) setError(problem);
  };

  return (
    <header className="exercise-bar coding-bar">
      <Link href="/" className="btn" aria-label="Back to home">
        ←
      </Link>
      <h1 className="title" title={props.title}>{props.title}</h1>
      <span className={`badge badge-${props.mode}`} title={props.mode === "blind" ? "Coders can't see each other's codes until the reveal" : "Coders see each other's codes live"}>
        {props.mode === "blind" ? "Blind" : "Open"}
      </span>
      <span className="badge" data-testid="exercise-state" title="Coders who have submitted their codes">
        {stateBadge(props.state, props.submitted)} · {props.submittedCount}/{props.coderCount} submitted
      </span>
      <span className="bar-spacer" />
      {props.presence && <Presence provider={props.presence} />}
      <LayerStatus state={props.layerState} canCode={props.canCode} submitted={props.submitted} />
      {props.isCoder && (
        <span className="progress" data-testid="reviewed-progress" title="Turns you have marked reviewed (R)">
          <meter min={0} max={Math.max(1, props.turns)} value={props.reviewed} aria-hidden="true" />
          {props.reviewed}/{props.turns} reviewed
        </span>
      )}
      {props.canCode && (
        <button type="button" className="btn btn-primary" onClick={() => setConfirm("submit")} disabled={busy}>
          Submit…
        </button>
      )}
      {props.canReveal && (
        <button type="button" className="btn btn-primary" onClick={() => setConfirm("reveal")} disabled={busy}>
          Reveal…
        </button>
      )}
      {props.canReview && (
        <Link href={`/exercises/${props.exerciseId}/review`} className="btn">
          Review disagreements
        </Link>
      )}
      {props.seesAgreement && (
        <Link href={`/exercises/${props.exerciseId}/agreement`} className="btn btn-small" title="Agreement per dimension, coder pairs, process timeline">
          Agreement
        </Link>
      )}
      <ExportMenu exerciseId={props.exerciseId} agreementVisible={props.seesAgreement ?? false} compact />
      <button type="button" className="btn" onClick={props.onShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
      {error && (
        <p className="bar-error" role="alert">
          {error}
        </p>
      )}
      <Dialog
        open={confirm === "submit"}
        title="Submit your coding?"
        onClose={() => setConfirm(null)}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setConfirm(null)} autoFocus>
              Keep coding
            </button>
            <button type="button" className="btn btn-primary" disabled={busy || pending} onClick={() => void run(props.onSubmit)}>
              {busy ? "Submitting…" : "Submit my codes"}
            </button>
          </>
        }
      >
        <p>
          You have reviewed {props.reviewed} of {props.turns} turns. After submitting, your codes are final for this exercise: you can read them but not change
          them.
        </p>
        {pending && <p className="alert alert-error">Some codes are not saved yet. Wait for “Saved ✓” before submitting.</p>}
      </Dialog>
      <Dialog
        open={confirm === "reveal"}
        title="Reveal every coder's codes?"
        onClose={() => setConfirm(null)}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setConfirm(null)} autoFocus>
              Not yet
            </button>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run(props.onReveal)}>
              {busy ? "Revealing…" : "Reveal now"}
            </button>
          </>
        }
      >
        <p>
          {props.submittedCount} of {props.coderCount} coders have submitted. After the reveal every coder sees everyone's codes and coding ends — layers
          become read-only. This can't be undone.
        </p>
      </Dialog>
    </header>
  );
}
