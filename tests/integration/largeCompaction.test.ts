import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { transcripts } from "../../lib/db/schema";
import { dbRoomStore } from "../../server/collab";
import { seedTestWorld } from "../support/seedTestWorld";
import { createTestDb, type TestDb } from "../support/testDb";

// Issue 10, item 3: one socket stored 309 × 1 MiB updates in a room and its compaction then died with a
// RangeError. This writes ≥ 100 MB of updates to one room through the RoomStore (PGlite by default,
// PostgreSQL with DATABASE_URL) and compacts it: the content must survive byte for byte. Writing the
// fixture dominates its time (PGlite parses bytea hex in WebAssembly, ~0.1 s per MiB on an idle machine,
// far more under load), hence the long timeout.
const MIB = 1024 * 1024;
const UPDATES = 104;

let t: TestDb;

beforeAll(async () => {
  // On disk: PGlite's in-memory file system regrows (copies) a file on every extension, which makes
  // 200 MB of log and snapshot several times slower there.
  t = await createTestDb({ onDisk: true });
  const { cohortId } = await seedTestWorld(t.db);
  await t.db.insert(transcripts).values({ id: "large-room", cohortId, title: "large", turnCount: 0 });
});

afterAll(async () => {
  await t?.close();
});

const mb = (bytes: number) => Math.round(bytes / MIB);

describe("compaction of a large room", () => {
  it(`compacts a room whose log holds ${UPDATES} × 1 MiB updates, keeping its content equal`, async () => {
    const store = dbRoomStore(t.db);
    const room = "tx:large-room";
    const writer = new Y.Doc({ gc: false });
    const updates: Uint8Array[] = [];
    writer.on("update", (u: Uint8Array) => updates.push(u));
    const text = writer.getText("t");
    let logBytes = 0;
    const started = performance.now();
    for (let i = 0; i < UPDATES; i++) {
      // Random base64: PostgreSQL's TOAST compression cannot shrink it, so the log really is this large.
      text.insert(text.length, randomBytes((3 * MIB) / 4).toString("base64"));
      const update = updates.shift() as Uint8Array;
      logBytes += update.byteLength;
      await store.append(room, [update]);
    }
    // A few small edits on top, some inside the large strings, so the merge has structure to get right.
    for (let i = 0; i < 20; i++) {
      text.insert((i * 7919 * 1000) % text.length, `<edit ${i}>`);
      await store.append(room, [updates.shift() as Uint8Array]);
    }
    const expected = text.toString();
    writer.destroy();
    const wrote = performance.now() - started;
    expect(logBytes).toBeGreaterThanOrEqual(100 * MIB);

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
    const compactStarted = performance.now();
    let result: { merged: number; snapshotBytes: number };
    try {
      result = await store.compact(room);
    } finally {
      clearInterval(sampler);
    }
    const compactMs = performance.now() - compactStarted;
    console.log(
      `large compaction (${t.kind}): log ${mb(logBytes)} MB in ${UPDATES + 20} updates written in ${Math.round(wrote / 1000)} s; ` +
        `compacted in ${Math.round(compactMs)} ms, snapshot ${mb(result.snapshotBytes)} MB; RSS ${mb(rssBefore)} → peak ${mb(rssPeak)} MB`,
    );
    expect(result.merged).toBe(UPDATES + 20);

    // Loading reads the 104 MB snapshot in pieces too (readRoomLog), in one consistent view.
    const loadStarted = performance.now();
    const loaded = await store.load(room, { gc: false });
    console.log(`large compaction (${t.kind}): loaded the compacted room in ${Math.round(performance.now() - loadStarted)} ms`);
    expect(loaded.rows).toBe(0);
    expect(loaded.doc.getText("t").toString() === expected).toBe(true);
    loaded.doc.destroy();
  }, 480_000);
});
