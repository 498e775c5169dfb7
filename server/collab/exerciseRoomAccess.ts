import { accessTo, can } from "../../lib/auth/can";
import type { Room } from "../../lib/collab/roomName";
import type { Db } from "../../lib/db/client";
import { exerciseFacts, getExercise } from "../../lib/db/queries/exercises";
import { loadSubject } from "../../lib/db/queries/users";
import type { RoomAccess } from "./types";

/**
 * Layer and consensus rooms follow can(), like the HTTP API. A watch room is readable by whoever may view
 * the exercise (GET /api/exercises/:id); what it then sends depends on can(…, "exercise.agreement")
 * (./watchHub).
 */
export async function exerciseRoomAccess(db: Db, userId: string, room: Extract<Room, { kind: "layer" | "consensus" | "watch" }>): Promise<RoomAccess> {
  const exercise = await getExercise(db, room.exerciseId);
  if (!exercise) return "none";
  const facts = exerciseFacts(exercise);
  const subject = await loadSubject(db, userId);
  if (room.kind === "watch") return can(subject, "exercise.view", { kind: "exercise", exercise: facts }) ? "read" : "none";
  return room.kind === "layer" ? accessTo(subject, { kind: "layer", exercise: facts, coderId: room.coderId }) : accessTo(subject, { kind: "exercise", exercise: facts });
}
