import { ERROR_KINDS, type ErrorKind } from "../errors";

/** y-websocket frame types, plus our own server → client message (CONTRACTS §5). */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
/** "saved": every update this client sent up to now is committed. */
export const MESSAGE_SAVED = 100;
/** Server → watcher (room watch:<exerciseId>): the exercise's state as JSON (lib/collab/watchMessages). */
export const MESSAGE_EXERCISE_STATE = 101;
/** Server → watcher allowed to see agreement: the live agreement summary as JSON (lib/agreement/runSchema). */
export const MESSAGE_AGREEMENT = 102;

/** Close codes come from the one error vocabulary (lib/errors.ts); no other numbers are sent. */
export function closeCodeOf(kind: ErrorKind): number {
  return ERROR_KINDS[kind].close;
}

export const CLOSE_BAD_FRAME = closeCodeOf("bad_request");
export const CLOSE_UNAUTHENTICATED = closeCodeOf("unauthenticated");
export const CLOSE_FORBIDDEN = closeCodeOf("forbidden");
export const CLOSE_STALE_EPOCH = closeCodeOf("conflict");
export const CLOSE_TOO_LARGE = closeCodeOf("too_large");
export const CLOSE_RATE_LIMITED = closeCodeOf("rate_limited");
/** Retried by the client: right for a database hiccup, which is what an internal error usually is. */
export const CLOSE_INTERNAL = closeCodeOf("internal");
export const CLOSE_RESTARTING = closeCodeOf("unavailable");
export const CLOSE_TOO_SLOW = closeCodeOf("too_slow");

/** Frames above this close the socket with 4413; a whole 400-turn transcript encodes well under it. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

/** Close reasons sent with 4413 when a quota stops a write (the page words them for the user). */
export const QUOTA_REASON_ROOM = "room over its storage quota";
export const QUOTA_REASON_BUDGET = "write budget exceeded";
