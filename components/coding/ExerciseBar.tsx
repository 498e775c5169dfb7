"use client";

import Link from "next/link";
import type { WebsocketProvider } from "y-websocket";
import type { ConnectionState } from "@/lib/collab/useCollabRoom";
import { ExportMenu } from "../agreement/ExportMenu";
import { Presence } from "../transcript/Presence";
import { useCodingSession } from "./CodingContext";
import { ExerciseDecisions } from "./ExerciseDecisions";
import type { ExerciseSnapshot, UnitProgress } from "./exerciseView";
import { LayerStatus } from "./LayerStatus";

export interface ExerciseBarProps {
  presence: WebsocketProvider | null;
  /** The viewer's own layer's connection; null when they only watch. */
  layerState: ConnectionState | null;
  progress: UnitProgress;
  refresh: () => Promise<void>;
  onShortcuts: () => void;
}

function stateBadge(state: ExerciseSnapshot["state"], submitted: boolean): string {
  if (state === "revealed") return "Revealed";
  if (state === "closed") return "Closed";
  return submitted ? "Submitted" : "Coding";
}

export function ExerciseBar({ presence, layerState, progress, refresh, onShortcuts }: ExerciseBarProps) {
  const { exercise, view } = useCodingSession();
  const unsaved = layerState?.kind === "offline" || (layerState?.kind === "online" && layerState.pending > 0);
  const submittedCount = exercise.coders.filter((c) => c.submitted).length;

  return (
    <header className="exercise-bar coding-bar">
      {/* Two groups: the title group gives way (its title wraps) and the controls never shrink, so the
          status, Submit, Export and ? stay on screen in every state; they move to a second row before
          the title would be cut. */}
      <div className="bar-title">
        <Link href="/" className="btn" aria-label="Back to home">
          ←
        </Link>
        <div className="bar-heading">
          <h1 className="title" title={exercise.title}>
            {exercise.title}
          </h1>
          <div className="bar-meta">
            <span className={`badge badge-${exercise.mode}`} title={exercise.mode === "blind" ? "Coders can't see each other's codes until the reveal" : "Coders see each other's codes live"}>
              {exercise.mode === "blind" ? "Blind" : "Open"}
            </span>
            <span className="badge" data-testid="exercise-state" title="Coders who have submitted their codes">
              {stateBadge(exercise.state, view.submitted)} · {submittedCount}/{exercise.coders.length} submitted
            </span>
          </div>
        </div>
      </div>
      <div className="bar-actions">
        {presence && <Presence provider={presence} />}
        <LayerStatus state={layerState} canCode={view.canCode} submitted={view.submitted} presence={presence} />
        {view.isCoder && (
          <span className="progress" data-testid="reviewed-progress" title={`${progress.unitLabel} you have marked reviewed (R) or coded: the units agreement is computed on`}>
            <meter min={0} max={Math.max(1, progress.turns)} value={progress.reviewed} aria-hidden="true" />
            {progress.reviewed} of {progress.turns} {progress.unitLabel} reviewed
          </span>
        )}
        <ExerciseDecisions progress={progress} unsaved={unsaved} refresh={refresh} />
        {view.canReview && (
          <Link href={`/exercises/${exercise.id}/review`} className="btn">
            Review disagreements
          </Link>
        )}
        {view.seesOthers && (
          <Link href={`/exercises/${exercise.id}/agreement`} className="btn btn-small" title="Agreement per dimension, coder pairs, process timeline">
            Agreement
          </Link>
        )}
        {/* Exports answer like the agreement API: nothing to download for a blind coder before the reveal. */}
        {view.seesOthers && <ExportMenu exerciseId={exercise.id} compact />}
        <button type="button" className="btn" onClick={onShortcuts} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </div>
    </header>
  );
}
