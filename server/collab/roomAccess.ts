import { accessTo } from "../../lib/auth/can";
import type { Room } from "../../lib/collab/roomName";
import type { AccessReads } from "./accessReads";
import { exerciseRoomAccess } from "./exerciseRoomAccess";
import type { RoomAccess } from "./types";

/**
 * What `userId` may do in `room`, from the database, through the same rules as the HTTP routes (house
 * rule 5). Called at the upgrade and again by reauthorize(), so a change of rights reaches open sockets.
 * A room whose resource does not exist answers "none", exactly like a forbidden one (4403 either way).
 * `reads` is one check pass's (./accessReads): sockets checked together share their reads.
 */
export async function roomAccess(reads: AccessReads, userId: string, room: Room): Promise<RoomAccess> {
  switch (room.kind) {
    case "transcript": {
      const meta = await reads.transcriptMeta(room.transcriptId);
      if (!meta) return "none";
      const [subject, resource] = await Promise.all([reads.subject(userId), reads.transcriptResource(meta)]);
      // can() leaves editors only reading while a blind exercise codes the text.
      return accessTo(subject, resource);
    }
    case "layer":
    case "consensus":
    case "watch":
      return exerciseRoomAccess(reads, userId, room);
  }
}
