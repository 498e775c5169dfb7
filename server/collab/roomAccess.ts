import { accessTo } from "../../lib/auth/can";
import { transcriptResource } from "../../lib/auth/transcriptAccess";
import type { Room } from "../../lib/collab/roomName";
import type { Db } from "../../lib/db/client";
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
      const [subject, resource] = await Promise.all([loadSubject(db, userId), transcriptResource(db, meta)]);
      // can() leaves editors only reading while a blind exercise codes the text.
      return accessTo(subject, resource);
    }
    case "layer":
    case "consensus":
    case "watch":
      return exerciseRoomAccess(db, userId, room);
  }
}
