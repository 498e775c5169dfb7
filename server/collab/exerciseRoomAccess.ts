import { accessTo, can } from "../../lib/auth/can";
import type { Room } from "../../lib/collab/roomName";
import { exerciseFacts } from "../../lib/db/queries/exercises";
import type { AccessReads } from "./accessReads";
import type { RoomAccess } from "./types";

/**
 * Layer and consensus rooms follow can(), like the HTTP API. A watch room is readable by whoever may view
 * the exercise (GET /api/exercises/:id); what it then sends depends on can(…, "exercise.agreement")
 * (./watchHub).
 */
export async function exerciseRoomAccess(reads: AccessReads, userId: string, room: Extract<Room, { kind: "layer" | "consensus" | "watch" }>): Promise<RoomAccess> {
  const exercise = await reads.exercise(room.exerciseId);
  if (!exercise) return "none";
  const facts = exerciseFacts(exercise);
  const subject = await reads.subject(userId);
  if (room.kind === "watch") return can(subject, "exercise.view", { kind: "exercise", exercise: facts }) ? "read" : "none";
  return room.kind === "layer" ? accessTo(subject, { kind: "layer", exercise: facts, coderId: room.coderId }) : accessTo(subject, { kind: "exercise", exercise: facts });
}
