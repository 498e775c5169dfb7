import { sql } from "drizzle-orm";
import type { Db } from "../client";

/**
 * Large byte values cross the driver in pieces of at most this size. The driver sends and receives bytea
 * as hex text, so one value of n bytes is one JavaScript string of 2n characters: a snapshot of a few
 * hundred MB would pass V8's string limit (~512 M characters) and fail with a RangeError, and long before
 * that it costs several copies of itself in memory. 8 MiB keeps each statement's text around 16 MB.
 */
export const CHUNK_BYTES = 8 * 1024 * 1024;

type Tx = Pick<Db, "execute">;

interface SizeRow {
  n: number | string | null;
}

/** The stored snapshot's size in bytes (without reading it), or null when the room has none. */
export async function snapshotSize(tx: Tx, room: string): Promise<number | null> {
  const rows = (await tx.execute(sql`select octet_length(state) as n from yjs_snapshots where room = ${room}`)) as unknown as SizeRow[];
  const n = rows[0]?.n;
  return n === undefined || n === null ? null : Number(n);
}

/**
 * The room's snapshot, read piece by piece into one byte array. Call it inside the transaction that needs
 * a consistent view: pieces read outside one could straddle a compaction that replaced the snapshot.
 */
export async function readSnapshotChunked(tx: Tx, room: string): Promise<Uint8Array | null> {
  const size = await snapshotSize(tx, room);
  if (size === null) return null;
  const out = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += CHUNK_BYTES) {
    const rows = (await tx.execute(
      sql`select substring(state from ${offset + 1}::int for ${CHUNK_BYTES}::int) as part from yjs_snapshots where room = ${room}`,
    )) as unknown as Array<{ part: Uint8Array }>;
    const part = rows[0]?.part;
    if (!part) throw new Error("snapshot vanished while it was being read");
    out.set(part, offset);
  }
  return out;
}

/**
 * Stores the room's snapshot. A small one goes in one statement; a large one is sent in pieces to a
 * temporary table and joined by the database itself (string_agg), so no statement carries more than
 * CHUNK_BYTES and the value is assembled once, not rewritten per piece. Call it inside a transaction.
 */
export async function writeSnapshotChunked(tx: Tx, room: string, state: Uint8Array): Promise<void> {
  if (state.byteLength <= CHUNK_BYTES) {
    await tx.execute(
      sql`insert into yjs_snapshots (room, state, updated_at) values (${room}, ${state}, now())
          on conflict (room) do update set state = excluded.state, updated_at = excluded.updated_at`,
    );
    return;
  }
  await tx.execute(sql`create temporary table if not exists coflex_snapshot_parts (seq int primary key, part bytea not null) on commit drop`);
  await tx.execute(sql`truncate coflex_snapshot_parts`);
  for (let offset = 0, seq = 0; offset < state.byteLength; offset += CHUNK_BYTES, seq++) {
    const part = state.subarray(offset, Math.min(offset + CHUNK_BYTES, state.byteLength));
    await tx.execute(sql`insert into coflex_snapshot_parts (seq, part) values (${seq}, ${part})`);
  }
  await tx.execute(
    sql`insert into yjs_snapshots (room, state, updated_at)
        select ${room}, string_agg(part, ''::bytea order by seq), now() from coflex_snapshot_parts
        on conflict (room) do update set state = excluded.state, updated_at = excluded.updated_at`,
  );
  await tx.execute(sql`drop table coflex_snapshot_parts`);
}
