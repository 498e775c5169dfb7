"use client";

import Link from "next/link";
import { useCollabRoom } from "@/lib/collab/useCollabRoom";
import { transcriptRoom } from "@/lib/collab/roomName";
import { SessionKeepAlive } from "../auth/SessionKeepAlive";
import { TranscriptEditor } from "../editor/TranscriptEditor";
import { Presence } from "./Presence";
import { DeleteTranscriptButton } from "./DeleteTranscriptButton";
import { SaveStatus } from "./SaveStatus";

export interface TranscriptWorkspaceProps {
  transcriptId: string;
  title: string;
  turnCount: number;
  user: { id: string; name: string };
  canEdit: boolean;
  /** Staff of the transcript's cohort may set up a coding exercise on it. */
  canCreateExercise?: boolean;
  canDelete?: boolean;
}

export function TranscriptWorkspace({ transcriptId, title, turnCount, user, canEdit, canCreateExercise = false, canDelete = false }: TranscriptWorkspaceProps) {
  // gc off: codes anchor to relative positions in this document, which must survive deletions.
  const { room, state } = useCollabRoom(transcriptRoom(transcriptId), { gc: false });
  return (
    <div className="workspace">
      <SessionKeepAlive />
      <header className="exercise-bar">
        <Link href="/" className="btn" aria-label="Back to home">
          ←
        </Link>
        <span className="title">{title}</span>
        <span className="muted small">{turnCount} turns</span>
        {!canEdit && <span className="readonly-note">You can read this transcript; only supervisors and instructors edit it.</span>}
        <span style={{ flex: 1 }} />
        {canCreateExercise && (
          <Link href={`/exercises/new?transcriptId=${encodeURIComponent(transcriptId)}`} className="btn btn-primary">
            New exercise
          </Link>
        )}
        {room && <Presence provider={room.provider} />}
        {canDelete && <DeleteTranscriptButton transcriptId={transcriptId} title={title} />}
        <SaveStatus state={state} editable={canEdit} />
      </header>
      {/* Read only, the editor takes no focus: the scrolling region itself must, so keyboard users can scroll it. */}
      <div className="transcript-scroll" {...(canEdit ? {} : { tabIndex: 0, role: "region", "aria-label": `Transcript: ${title}, read only` })}>
        {room ? (
          <TranscriptEditor key={room.doc.guid} doc={room.doc} provider={room.provider} user={user} editable={canEdit && state.kind !== "denied"} />
        ) : (
          <p className="muted" style={{ textAlign: "center" }}>
            Opening transcript…
          </p>
        )}
      </div>
    </div>
  );
}
