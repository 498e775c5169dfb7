import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { appendUpdate, compactRoom, loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { transcripts, yjsSnapshots, yjsUpdates } from "../../lib/db/schema";
import { seedTestWorld } from "../support/seedTestWorld";
import { createTestDb, type TestDb } from "../support/testDb";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  // Appends and compactions need the room's transcript to exist (the deletion fence locks its row).
  const { cohortId } = await seedTestWorld(t.db);
  for (const id of ["compaction-fixture", "room-a", "room-b"]) await t.db.insert(transcripts).values({ id, cohortId, title: id, turnCount: 0 });
});

afterAll(async () => {
  await t?.close();
});

function text(doc: Y.Doc): string {
  return doc.getText("t").toString();
}

async function roomIds(room: string): Promise<number[]> {
  const rows = await t.db.select({ id: yjsUpdates.id }).from(yjsUpdates).where(eq(yjsUpdates.room, room)).orderBy(yjsUpdates.id);
  return rows.map((r) => r.id);
}

describe("update log compaction", () => {
  it("deletes exactly the rows it merged: a row committed meanwhile with a lower id survives", async () => {
    const room = "tx:compaction-fixture";
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on("update", (u: Uint8Array) => updates.push(u));
    for (const word of ["alpha ", "beta ", "gamma ", "delta ", "epsilon "]) writer.getText("t").insert(writer.getText("t").length, word);
    // Leave a gap below the merged rows, so a late row can take an id lower than theirs.
    await t.db.execute(sql.raw(`SELECT setval(pg_get_serial_sequence('yjs_updates', 'id'), 1000)`));
    for (const u of updates) await appendUpdate(t.db, room, u);
    const merged = await roomIds(room);
    expect(merged).toHaveLength(5);

    // Another writer's row, id 500, commits while the compaction runs: the trigger fires between the
    // compaction's read of the log and its delete (it writes the snapshot in between). `id <= max` would
    // delete it unmerged.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(writer));
    const late: Uint8Array[] = [];
    other.on("update", (u: Uint8Array) => late.push(u));
    other.getText("t").insert(0, "LATE ");
    const hex = Buffer.from(late[0] ?? new Uint8Array()).toString("hex");
    await t.db.execute(
      sql.raw(`CREATE FUNCTION coflex_test_late_row() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO yjs_updates (id, room, update) VALUES (500, '${room}', decode('${hex}', 'hex')); RETURN NEW; END $$`),
    );
    await t.db.execute(sql.raw(`CREATE TRIGGER coflex_test_late BEFORE INSERT OR UPDATE ON yjs_snapshots FOR EACH ROW EXECUTE FUNCTION coflex_test_late_row()`));
    try {
      expect(await compactRoom(t.db, room)).toMatchObject({ merged: 5 });
    } finally {
      await t.db.execute(sql.raw(`DROP TRIGGER coflex_test_late ON yjs_snapshots`));
      await t.db.execute(sql.raw(`DROP FUNCTION coflex_test_late_row()`));
    }

    expect(await roomIds(room)).toEqual([500]);
    const snapshot = await t.db.select().from(yjsSnapshots).where(eq(yjsSnapshots.room, room));
    expect(snapshot).toHaveLength(1);
    const { doc } = await loadRoomDoc(t.db, room);
    expect(text(doc)).toBe("LATE alpha beta gamma delta epsilon ");

    // The next compaction folds the survivor in; the document does not change.
    expect(await compactRoom(t.db, room)).toMatchObject({ merged: 1 });
    expect(await roomIds(room)).toEqual([]);
    const again = await loadRoomDoc(t.db, room);
    expect(text(again.doc)).toBe(text(doc));
    expect(Y.encodeStateVector(again.doc)).toEqual(Y.encodeStateVector(doc));
  });

  it("leaves other rooms' rows alone and does nothing on an empty log", async () => {
    const a = new Y.Doc();
    a.getText("t").insert(0, "room A");
    const b = new Y.Doc();
    b.getText("t").insert(0, "room B");
    await appendUpdate(t.db, "tx:room-a", Y.encodeStateAsUpdate(a));
    await appendUpdate(t.db, "tx:room-b", Y.encodeStateAsUpdate(b));
    expect(await compactRoom(t.db, "tx:room-a")).toMatchObject({ merged: 1 });
    expect(await roomIds("tx:room-b")).toHaveLength(1);
    expect(await compactRoom(t.db, "tx:room-empty")).toMatchObject({ merged: 0 });
    expect(text((await loadRoomDoc(t.db, "tx:room-a")).doc)).toBe("room A");
  });
});
