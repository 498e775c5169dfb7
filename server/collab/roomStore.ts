import type * as Y from "yjs";
import type { Db } from "../../lib/db/client";
import { appendUpdates, compactRoom, deleteRoom, loadRoomDoc } from "../../lib/db/queries/yjsLog";

export interface LoadedRoom {
  doc: Y.Doc;
  /** Log rows not yet folded into the snapshot. */
  rows: number;
  /** Bytes stored for the room (snapshot + log), what its quota counts. */
  bytes: number;
}

/**
 * Where a room's document lives: the collaboration server only ever loads, appends, compacts and deletes
 * through this, so room logic runs against memory in tests and against PGlite or PostgreSQL in production.
 * Every implementation passes the same contract suite (tests/support/roomStoreContract.ts).
 */
export interface RoomStore {
  /** The room's current document (snapshot + log); an unknown room is an empty document. */
  load(room: string, options: { gc: boolean }): Promise<LoadedRoom>;
  /**
   * Appends updates as one commit: resolves only once they are durable (then the sender may hear "saved"),
   * and rejects with RoomGoneError, storing nothing, when the room's transcript is gone or being deleted.
   */
  append(room: string, updates: readonly Uint8Array[]): Promise<void>;
  /** Folds the log into the snapshot, removing exactly the rows it folded; appends meanwhile survive. */
  compact(room: string): Promise<{ merged: number; snapshotBytes: number }>;
  /** Removes every stored byte of the room. */
  delete(room: string): Promise<void>;
}

/** The production store: the yjs_updates log and yjs_snapshots table through Drizzle (PGlite or PostgreSQL). */
export function dbRoomStore(db: Db): RoomStore {
  return {
    async load(room, { gc }) {
      const { doc, logIds, bytes } = await loadRoomDoc(db, room, gc);
      return { doc, rows: logIds.length, bytes };
    },
    append: (room, updates) => appendUpdates(db, room, updates),
    compact: (room) => compactRoom(db, room),
    delete: (room) => deleteRoom(db, room),
  };
}
