import { consensusAccess, layerAccess } from "../../lib/auth/exerciseRules";
import type { Room } from "../../lib/collab/roomName";
import type { Db } from "../../lib/db/client";
import { exerciseFacts, getExercise } from "../../lib/db/queries/exercises";
import { loadSubject } from "../../lib/db/queries/users";
import type { RoomAccess } from "./types";

/** Layer and consensus rooms follow the exercise's visibility rules (lib/auth/exerciseRules), like the HTTP API. */
export async function exerciseRoomAccess(db: Db, userId: string, room: Extract<Room, { kind: "layer" | "consensus" }>): Promise<RoomAccess> {
  const exercise = await getExercise(db, room.exerciseId);
  if (!exercise) return "none";
  const facts = exerciseFacts(exercise);
  const subject = await loadSubject(db, userId);
  return room.kind === "layer" ? layerAccess(subject, facts, room.coderId) : consensusAccess(subject, facts);
}
