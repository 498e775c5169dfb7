"use client";

import { useMemo } from "react";
import { type CollabRoom, type ConnectionState, useCollabRoom } from "@/lib/collab/useCollabRoom";
import { transcriptRoom } from "@/lib/collab/roomName";
import type { Codebook } from "@/lib/domain/codebook";
import { SessionKeepAlive } from "../auth/SessionKeepAlive";
import { CodingScreen } from "./CodingScreen";
import { type ExerciseSnapshot, type Viewer, exerciseView } from "./exerciseView";
import { useExerciseLive } from "./useExerciseLive";

export interface CodingWorkspaceProps {
  exercise: ExerciseSnapshot;
  viewer: Viewer;
  codebook: Codebook;
}

export interface OwnLayer {
  room: CollabRoom | null;
  state: ConnectionState;
}

/**
 * The coding page's connections: the transcript (read-only here), the viewer's own layer when they code,
 * and — only where the exercise's rules allow — a few other coders' layers.
 */
export function CodingWorkspace({ exercise: initial, viewer, codebook }: CodingWorkspaceProps) {
  const { exercise, refresh } = useExerciseLive(initial);
  const view = useMemo(() => exerciseView(exercise, viewer), [exercise, viewer]);
  // gc off: codes anchor to relative positions in this document, which must survive deletions.
  const tx = useCollabRoom(transcriptRoom(exercise.transcriptId), { gc: false });
  return (
    <>
      <SessionKeepAlive />
      {view.ownRoom ? (
        <WithOwnLayer room={view.ownRoom}>
          {(own) => <CodingScreen exercise={exercise} viewer={viewer} view={view} codebook={codebook} tx={tx} own={own} refresh={refresh} />}
        </WithOwnLayer>
      ) : (
        <CodingScreen exercise={exercise} viewer={viewer} view={view} codebook={codebook} tx={tx} own={null} refresh={refresh} />
      )}
    </>
  );
}

function WithOwnLayer({ room, children }: { room: string; children: (own: OwnLayer) => React.ReactNode }) {
  const own = useCollabRoom(room);
  return <>{children(own)}</>;
}
