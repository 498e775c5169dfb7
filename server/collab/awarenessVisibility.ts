import { blindCodingRunning } from "../../lib/auth/can";
import type { Room } from "../../lib/collab/roomName";
import type { Db } from "../../lib/db/client";
import { getExercise, listExercisesForTranscript } from "../../lib/db/queries/exercises";

/** Whether presence (cursor, selection) of user `from` may reach user `to` in a room. */
export type AwarenessVisibility = (fromUserId: string, toUserId: string) => boolean;

export const everyoneSeesEveryone: AwarenessVisibility = () => true;

/**
 * Blind coding: while a blind exercise codes a transcript, where one coder's cursor rests in the shared
 * transcript would tell the others what they are coding. So in the transcript room, coders of the same
 * running blind exercise never see each other's presence; staff who do not code still see everyone.
 * (Layer and consensus rooms need no filter: during blind coding other coders cannot open them at all.)
 */
export async function awarenessVisibility(db: Db, room: Room): Promise<AwarenessVisibility> {
  if (room.kind !== "transcript") return everyoneSeesEveryone;
  const running = (await listExercisesForTranscript(db, room.transcriptId)).filter(blindCodingRunning);
  if (running.length === 0) return everyoneSeesEveryone;
  const coderGroups: Array<ReadonlySet<string>> = [];
  for (const exercise of running) {
    const detail = await getExercise(db, exercise.id);
    if (detail) coderGroups.push(new Set(detail.coders.map((c) => c.id)));
  }
  return (from, to) => from === to || !coderGroups.some((group) => group.has(from) && group.has(to));
}
