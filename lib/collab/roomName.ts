import { z } from "zod";

/** Room names are the WebSocket path under /collab/ (CONTRACTS §5); parsed with zod like any input. */
export type Room =
  | { kind: "transcript"; transcriptId: string }
  | { kind: "layer"; exerciseId: string; coderId: string }
  | { kind: "consensus"; exerciseId: string }
  /**
   * Server-only: watchers of an exercise (coding page, agreement page) receive its state (message 101) and,
   * when they may see agreement, its live summary (102). No document; frames from the client are ignored.
   */
  | { kind: "watch"; exerciseId: string };

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const roomSchema = z.union([
  z.tuple([z.literal("tx"), id]).transform(([, transcriptId]): Room => ({ kind: "transcript", transcriptId })),
  z.tuple([z.literal("layer"), id, id]).transform(([, exerciseId, coderId]): Room => ({ kind: "layer", exerciseId, coderId })),
  z.tuple([z.literal("consensus"), id]).transform(([, exerciseId]): Room => ({ kind: "consensus", exerciseId })),
  z.tuple([z.literal("watch"), id]).transform(([, exerciseId]): Room => ({ kind: "watch", exerciseId })),
]);

/** Returns null for anything that is not exactly one of the known room shapes. */
export function parseRoomName(name: string): Room | null {
  if (name.length > 200) return null;
  const result = roomSchema.safeParse(name.split(":"));
  return result.success ? result.data : null;
}

export function roomName(room: Room): string {
  switch (room.kind) {
    case "transcript":
      return `tx:${room.transcriptId}`;
    case "layer":
      return `layer:${room.exerciseId}:${room.coderId}`;
    case "consensus":
      return `consensus:${room.exerciseId}`;
    case "watch":
      return `watch:${room.exerciseId}`;
  }
}

export function transcriptRoom(transcriptId: string): string {
  return roomName({ kind: "transcript", transcriptId });
}

/** The URL path prefix that the server hands to the collaboration endpoint instead of Next. */
export const COLLAB_PATH = "/collab/";
