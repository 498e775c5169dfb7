import { and, asc, eq, inArray, sql } from "drizzle-orm";
import * as Y from "yjs";
import { parseRoomName } from "../../collab/roomName";
import type { Db } from "../client";
import { exercises, transcripts, yjsSnapshots, yjsUpdates } from "../schema";

/** The room's transcript is gone or being deleted: nothing may be written for it any more. */
export class RoomGoneError extends Error {
  override name = "RoomGoneError";
}

/**
 * The deletion fence. Locks the row of the transcript that owns `room` (FOR KEY SHARE, as a foreign key
 * check would) for the rest of the transaction, or returns false when it is gone. A transcript deletion
 * deletes that row first: a write that locked it before commits first and its rows are then deleted with
 * the rest; a write after waits for the deletion to commit and finds no row. Either way no row of a
 * deleted transcript survives, on any node.
 */
export async function lockRoomOwner(tx: Pick<Db, "select">, room: string): Promise<boolean> {
  const parsed = parseRoomName(room);
  if (!parsed) return false;
  const rows =
    parsed.kind === "transcript"
      ? await tx.select({ id: transcripts.id }).from(transcripts).where(eq(transcripts.id, parsed.transcriptId)).for("key share")
      : await tx
          .select({ id: transcripts.id })
          .from(exercises)
          .innerJoin(transcripts, eq(transcripts.id, exercises.transcriptId))
          .where(eq(exercises.id, parsed.exerciseId))
          .for("key share", { of: transcripts });
  return rows.length > 0;
}

export interface RoomLog {
  snapshot: Uint8Array | null;
  updates: Array<{ id: number; update: Uint8Array }>;
}

export async function readRoomLog(db: Db, room: string): Promise<RoomLog> {
  // Log first, snapshot second: a compaction committing in between folds the rows we read into the
  // snapshot we then read (applying them twice is harmless in Yjs); the other order would miss them.
  const updates = await db.select({ id: yjsUpdates.id, update: yjsUpdates.update }).from(yjsUpdates).where(eq(yjsUpdates.room, room)).orderBy(asc(yjsUpdates.id));
  const snapshots = await db.select({ state: yjsSnapshots.state }).from(yjsSnapshots).where(eq(yjsSnapshots.room, room)).limit(1);
  return { snapshot: snapshots[0]?.state ?? null, updates };
}

/** Returns once the row has committed (synchronous_commit on): only then may the sender hear "saved". */
export async function appendUpdate(db: Db, room: string, update: Uint8Array): Promise<void> {
  await appendUpdates(db, room, [update]);
}

/**
 * Several updates of one room as one INSERT — one statement, one commit: the whole batch is saved or none
 * of it. The collaboration server's write queue uses it for group commit under load.
 */
export async function appendUpdates(db: Db, room: string, updates: readonly Uint8Array[]): Promise<void> {
  if (updates.length === 0) return;
  await db.transaction(async (tx) => {
    if (!(await lockRoomOwner(tx, room))) throw new RoomGoneError("room deleted");
    await tx.insert(yjsUpdates).values(updates.map((update) => ({ room, update })));
  });
}

/** Builds the room's current document from its snapshot and log. */
export async function loadRoomDoc(db: Db, room: string, gc = false): Promise<{ doc: Y.Doc; logIds: number[]; bytes: number }> {
  const log = await readRoomLog(db, room);
  const bytes = (log.snapshot?.byteLength ?? 0) + log.updates.reduce((sum, row) => sum + row.update.byteLength, 0);
  const doc = new Y.Doc({ gc });
  doc.transact(() => {
    if (log.snapshot) Y.applyUpdate(doc, log.snapshot);
    for (const row of log.updates) Y.applyUpdate(doc, row.update);
  });
  return { doc, logIds: log.updates.map((row) => row.id), bytes };
}

/**
 * Folds the log into the snapshot through a Y.Doc (faster than Y.mergeUpdates) and deletes exactly the
 * rows it read — never `id <= max`, because rows committed meanwhile by another writer may have lower ids.
 */
export async function compactRoom(db: Db, room: string): Promise<{ merged: number; snapshotBytes: number }> {
  return db.transaction(async (tx) => {
    // Two nodes compacting one room at once would each delete rows the other folded: take turns per room.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${room}))`);
    // A deleted transcript's room is never folded into a fresh snapshot (that would resurrect its text).
    if (!(await lockRoomOwner(tx, room))) return { merged: 0, snapshotBytes: 0 };
    const log = await readRoomLog(tx as unknown as Db, room);
    if (log.updates.length === 0) return { merged: 0, snapshotBytes: log.snapshot?.byteLength ?? 0 };
    const doc = new Y.Doc({ gc: false });
    if (log.snapshot) Y.applyUpdate(doc, log.snapshot);
    for (const row of log.updates) Y.applyUpdate(doc, row.update);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    await tx
      .insert(yjsSnapshots)
      .values({ room, state })
      .onConflictDoUpdate({ target: yjsSnapshots.room, set: { state, updatedAt: new Date() } });
    const ids = log.updates.map((row) => row.id);
    for (let i = 0; i < ids.length; i += 5000) {
      await tx.delete(yjsUpdates).where(and(eq(yjsUpdates.room, room), inArray(yjsUpdates.id, ids.slice(i, i + 5000))));
    }
    return { merged: ids.length, snapshotBytes: state.byteLength };
  });
}

/** Removes a room's log and snapshot (a transcript deletion removes all its rooms in one transaction instead). */
export async function deleteRoom(db: Db, room: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(yjsUpdates).where(eq(yjsUpdates.room, room));
    await tx.delete(yjsSnapshots).where(eq(yjsSnapshots.room, room));
  });
}
