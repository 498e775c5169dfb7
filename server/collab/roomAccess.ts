import { can } from "../../lib/auth/can";
import { locksTranscript } from "../../lib/auth/exerciseRules";
import type { Room } from "../../lib/collab/roomName";
import type { Db } from "../../lib/db/client";
import { listExercisesForTranscript } from "../../lib/db/queries/exercises";
import { getTranscriptMeta } from "../../lib/db/queries/transcripts";
import { loadSubject } from "../../lib/db/queries/users";
import { exerciseRoomAccess } from "./exerciseRoomAccess";
import type { RoomAccess } from "./types";

/**
 * What `userId` may do in `room`, from the database, through the same rules as the HTTP routes (house
 * rule 5). Called at the upgrade and again by reauthorize(), so a change of rights reaches open sockets.
 * A room whose resource does not exist answers "none", exactly like a forbidden one (4403 either way).
 */
export async function roomAccess(db: Db, userId: string, room: Room): Promise<RoomAccess> {
  switch (room.kind) {
    case "transcript": {
      const meta = await getTranscriptMeta(db, room.transcriptId);
      if (!meta) return "none";
      const [subject, exercises] = await Promise.all([loadSubject(db, userId), listExercisesForTranscript(db, room.transcriptId)]);
      // Editors read only while a blind exercise codes the text: anchors must not move under the coders.
      const resource = { kind: "transcript", cohortId: meta.cohortId, locked: exercises.some(locksTranscript) } as const;
      if (can(subject, "transcript.edit", resource)) return "write";
      if (can(subject, "transcript.read", resource)) return "read";
      return "none";
    }
    case "layer":
    case "consensus":
      return exerciseRoomAccess(db, userId, room);
  }
}
