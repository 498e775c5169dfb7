import type { Room } from "../../lib/collab/roomName";

/** What an authorized socket may do in its room; "none" never reaches a room (the socket is closed with 4403). */
export type Access = "read" | "write";
export type RoomAccess = "none" | Access;

/**
 * Structured logger. Fields carry ids, counts and close codes only: never document content, never a
 * database error's message (drizzle embeds the query parameters — i.e. the Yjs update — in it).
 */
export interface CollabLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Decides whether a browser page from `origin` may open a socket on this server (reached as `host`). */
export type OriginCheck = (origin: string, hostHeader: string | undefined) => boolean;

/** Picks the rooms whose open sockets must be re-checked (see CollabServer.reauthorize). */
export type RoomMatcher = (room: Room, name: string) => boolean;

export interface CollabLimits {
  /** Frames above this close the socket with 4413. */
  maxMessageBytes: number;
  /** Token bucket per socket: sustained messages per second… */
  messagesPerSecond: number;
  /** …and the burst it allows (a reconnect sends step 1, step 2 and awareness at once). */
  messageBurst: number;
  /** Ping interval; a socket that missed one whole interval's pong is terminated. */
  heartbeatMs: number;
  /** How long an empty room stays loaded, so a quick reconnect (page reload) does not reload it. */
  roomIdleMs: number;
  /** Compact a room's update log after this many appended rows (and on unload). */
  compactEvery: number;
  /** Stored size cap per room kind in bytes (snapshot + log); a write that would pass it closes the socket with 4413. */
  roomQuotaBytes: { transcript: number; layer: number; consensus: number };
  /** Bytes one user may write per minute over all their sockets on this node (token bucket, burst = one minute). */
  userWriteBytesPerMinute: number;
  /** A socket whose send buffer exceeds this is cut (CLOSE_TOO_SLOW, 1013) rather than buffering without bound. */
  maxBufferedBytes: number;
}
