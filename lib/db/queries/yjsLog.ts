import { type SQL, and, asc, eq, inArray, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import * as Y from "yjs";
import { parseRoomName } from "../../collab/roomName";
import type { Db } from "../client";
import { exercises, transcripts, yjsSnapshots, yjsUpdates } from "../schema";
import { CHUNK_BYTES, readSnapshotChunked, snapshotSize, writeSnapshotChunked } from "./snapshotChunks";

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
export async function lockRoomOwner(tx: Pick<Db, "execute">, room: string): Promise<boolean> {
  const owner = ownerLockQuery(room);
  if (!owner) return false;
  const rows = await tx.execute(owner);
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
  // A snapshot up to CHUNK_BYTES comes in this one query; a larger one only reports that it is there.
  const snapshots = await db
    .select({
      large: sql<boolean>`octet_length(${yjsSnapshots.state}) > ${CHUNK_BYTES}`,
      state: sql<Uint8Array | null>`case when octet_length(${yjsSnapshots.state}) <= ${CHUNK_BYTES} then ${yjsSnapshots.state} end`.mapWith(yjsSnapshots.state),
    })
    .from(yjsSnapshots)
    .where(eq(yjsSnapshots.room, room))
    .limit(1);
  const found = snapshots[0];
  if (!found?.large) return { snapshot: found?.state ?? null, updates };
  // A large snapshot is read in pieces (snapshotChunks.ts); the pieces and the log must come from one view of
  // the database, or a compaction committing between two pieces would splice two different snapshots.
  return db.transaction(
    async (tx) => ({
      updates: await tx.select({ id: yjsUpdates.id, update: yjsUpdates.update }).from(yjsUpdates).where(eq(yjsUpdates.room, room)).orderBy(asc(yjsUpdates.id)),
      snapshot: await readSnapshotChunked(tx, room),
    }),
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Returns once the row has committed (synchronous_commit on): only then may the sender hear "saved". */
export async function appendUpdate(db: Db, room: string, update: Uint8Array): Promise<void> {
  await appendUpdates(db, room, [update]);
}

/**
 * Several updates of one room as one INSERT — one statement, one commit: the whole batch is saved or none
 * of it. The collaboration server's write queue uses it for group commit under load. The deletion fence
 * (the owner's row locked FOR KEY SHARE, as in `lockRoomOwner`) is a CTE of the same statement, so a save
 * is one round trip to the database instead of four (BEGIN, lock, INSERT, COMMIT): on a nearly idle
 * server each round trip is a wake-up of the database's thread or process, and four of them were most of a
 * 2-coder exercise's "saved" latency.
 */
export async function appendUpdates(db: Db, room: string, updates: readonly Uint8Array[]): Promise<void> {
  if (updates.length === 0) return;
  const owner = ownerLockQuery(room);
  if (!owner) throw new RoomGoneError("room deleted");
  const values = sql.join(
    updates.map((update) => sql`(${update}::bytea)`),
    sql`, `,
  );
  const query = dialect.sqlToQuery(
    sql`with owner as (${owner}) insert into ${yjsUpdates} (${sql.identifier(yjsUpdates.room.name)}, ${sql.identifier(yjsUpdates.update.name)}) select ${room}, v.u from owner, (values ${values}) as v(u)`,
  );
  // Drizzle sends every statement unprepared, so the database parses and plans it each time: 0.6–0.9 ms of
  // a 2–3 ms save on an idle server. A single update (the idle case, where that matters) is one statement
  // text per kind of room, so it is prepared once per connection; batches, whose text varies with their
  // size, stay unprepared rather than filling the connection's statement cache.
  const inserted = await db.$client.unsafe(query.sql, query.params as postgres.ParameterOrJSON<never>[], { prepare: updates.length === 1 });
  // No owner row means no row inserted: the transcript is gone, and nothing of the batch was stored.
  if (inserted.count !== updates.length) throw new RoomGoneError("room deleted");
}

const dialect = new PgDialect();

/** The deletion fence's lock as one SELECT: lockRoomOwner runs it, a save makes it a CTE of its INSERT; null for a name that is not a room. */
function ownerLockQuery(room: string): SQL | null {
  const parsed = parseRoomName(room);
  if (!parsed) return null;
  return parsed.kind === "transcript"
    ? sql`select ${transcripts.id} from ${transcripts} where ${transcripts.id} = ${parsed.transcriptId} for key share`
    : sql`select ${transcripts.id} from ${exercises} inner join ${transcripts} on ${transcripts.id} = ${exercises.transcriptId} where ${exercises.id} = ${parsed.exerciseId} for key share of ${transcripts}`;
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

/** Log rows are read in batches of at most this many bytes (and ids), so a large log is never one result. */
const LOG_BATCH_BYTES = CHUNK_BYTES;
const LOG_BATCH_ROWS = 1000;

/** Groups log rows, in id order, into batches bounded by bytes and count (a single larger row is its own batch). */
export function logBatches(rows: ReadonlyArray<{ id: number; bytes: number }>, maxBytes = LOG_BATCH_BYTES, maxRows = LOG_BATCH_ROWS): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (current.length > 0 && (bytes + row.bytes > maxBytes || current.length >= maxRows)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(row.id);
    bytes += row.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Folds the log into the snapshot through a Y.Doc (faster than Y.mergeUpdates) and deletes exactly the
 * rows it read — never `id <= max`, because rows committed meanwhile by another writer may have lower ids.
 * Bounded memory for large rooms: it lists the rows' ids and sizes first, reads the snapshot and the log in
 * pieces of a few MiB, applies each batch into the document and lets it go, and writes the new snapshot in
 * pieces (lib/db/queries/snapshotChunks). One result holding a 100 MB log, or a bytea of hundreds of MB as
 * one hex string, is what made compaction of a large room fail with a RangeError.
 */
export async function compactRoom(db: Db, room: string): Promise<{ merged: number; snapshotBytes: number }> {
  return db.transaction(async (tx) => {
    // Two nodes compacting one room at once would each delete rows the other folded: take turns per room.
    // The snapshot changes only under this lock, so reading it in pieces below sees one version.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${room}))`);
    // A deleted transcript's room is never folded into a fresh snapshot (that would resurrect its text).
    if (!(await lockRoomOwner(tx, room))) return { merged: 0, snapshotBytes: 0 };
    const rows = await tx
      .select({ id: yjsUpdates.id, bytes: sql<number>`octet_length(${yjsUpdates.update})`.mapWith(Number) })
      .from(yjsUpdates)
      .where(eq(yjsUpdates.room, room))
      .orderBy(asc(yjsUpdates.id));
    if (rows.length === 0) return { merged: 0, snapshotBytes: (await snapshotSize(tx, room)) ?? 0 };
    const doc = new Y.Doc({ gc: false });
    let state: Uint8Array;
    try {
      const snapshot = await readSnapshotChunked(tx, room);
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const ids of logBatches(rows)) {
        const batch = await tx.select({ update: yjsUpdates.update }).from(yjsUpdates).where(and(eq(yjsUpdates.room, room), inArray(yjsUpdates.id, ids))).orderBy(asc(yjsUpdates.id));
        for (const row of batch) Y.applyUpdate(doc, row.update);
      }
      state = Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
    await writeSnapshotChunked(tx, room, state);
    const ids = rows.map((row) => row.id);
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
