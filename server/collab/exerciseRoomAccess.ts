import { accessTo } from "../../lib/auth/can";
import type { Room } from "../../lib/collab/roomName";
import type { Db } from "../../lib/db/client";
import { exerciseFacts, getExercise } from "../../lib/db/queries/exercises";
import { loadSubject } from "../../lib/db/queries/users";
import type { RoomAccess } from "./types";

/** Layer and consensus rooms follow can(), like the HTTP API. */
export async function exerciseRoomAccess(db: Db, userId: string, room: Extract<Room, { kind: "layer" | "consensus" }>): Promise<RoomAccess> {
  const exercise = await getExercise(db, room.exerciseId);
  if (!exercise) return "none";
  const facts = exerciseFacts(exercise);
  const subject = await loadSubject(db, userId);
  return room.kind === "layer" ? accessTo(subject, { kind: "layer", exercise: facts, coderId: room.coderId }) : accessTo(subject, { kind: "exercise", exercise: facts });
}
