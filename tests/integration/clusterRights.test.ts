import { eq, like, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rightsChanged } from "../../lib/collab/rightsBus";
import { transcriptRoom } from "../../lib/collab/roomName";
import { createExercise, submitLayer } from "../../lib/db/queries/exercises";
import { deleteTranscript } from "../../lib/db/queries/transcripts";
import { yjsSnapshots, yjsUpdates } from "../../lib/db/schema";
import { createRightsRelay, type RightsRelay } from "../../server/collab";
import { type ChildServer, startChildServer } from "../support/childServer";
import { type TestClient, connectClient } from "../support/collabClient";
import { seedTestWorld, type TestUser, type TestWorld } from "../support/seedTestWorld";
import { TEST_SECRET, sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";
import { insertIntoTurn } from "../support/transcriptText";

// Collected only with REDIS_URL and DATABASE_URL (vitest.config.ts): two processes share one PostgreSQL.
// This test process plays node A (it changes rights and announces them, as a route handler on A does);
// node B is the real server in a child process holding the sockets.
const redisUrl = process.env.REDIS_URL as string;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let t: TestDb;
let nodeB: ChildServer;
let relayA: RightsRelay;
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await createTestDb();
  relayA = await createRightsRelay(redisUrl, quiet, () => undefined);
  nodeB = await startChildServer({ DATABASE_URL: t.config.databaseUrl ?? "", REDIS_URL: redisUrl, NEXTAUTH_SECRET: TEST_SECRET });
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await nodeB?.stop();
  await relayA?.close();
  await t?.close();
});

async function exerciseFor(w: TestWorld): Promise<string> {
  return createExercise(t.db, {
    cohortId: w.cohortId,
    transcriptId: w.transcriptId,
    title: "cluster",
    mode: "blind",
    revealRule: "instructor",
    coderIds: [w.supervisor.id, w.trainee.id],
    keyCoderId: null,
    codersSettle: false,
    codebookId: null,
    codebookVersion: 1,
    createdBy: w.instructor.id,
  });
}

async function open(user: TestUser, room: string): Promise<TestClient> {
  const c = connectClient(nodeB.url, room, await sessionCookie(user));
  clients.push(c);
  await c.synced(30_000);
  return c;
}

async function storedRows(rooms: string[]): Promise<number> {
  const conditions = rooms.map((r) => (r.endsWith("%") ? like(yjsUpdates.room, r) : eq(yjsUpdates.room, r)));
  const updates = await t.db.select({ id: yjsUpdates.id }).from(yjsUpdates).where(or(...conditions));
  const snaps = await t.db
    .select({ room: yjsSnapshots.room })
    .from(yjsSnapshots)
    .where(or(...rooms.map((r) => (r.endsWith("%") ? like(yjsSnapshots.room, r) : eq(yjsSnapshots.room, r)))));
  return updates.length + snaps.length;
}

describe("rights and deletion across nodes (Redis)", () => {
  it("a submit announced on node A stops the coder's writes on node B within 1 s", async () => {
    const w = await seedTestWorld(t.db);
    const exerciseId = await exerciseFor(w);
    const room = `layer:${exerciseId}:${w.trainee.id}`;
    const coder = await open(w.trainee, room);
    const reviewed = coder.doc.getMap("reviewed");
    reviewed.set("before", true);
    await vi.waitFor(() => expect(coder.socket().saved).toBe(coder.socket().writesSent));

    // Keep writing while the submit travels; afterwards, every edit is either committed or was refused.
    const sent: Array<{ key: string; at: number }> = [];
    let n = 0;
    const timer = setInterval(() => {
      const key = `k${n++}`;
      reviewed.set(key, true);
      sent.push({ key, at: performance.now() });
    }, 20);
    let t0 = 0;
    try {
      await vi.waitFor(() => expect(sent.length).toBeGreaterThan(5));
      expect(await submitLayer(t.db, exerciseId, w.trainee.id)).toBe(true);
      t0 = performance.now();
      rightsChanged({ kind: "exercise", exerciseId, transcriptId: w.transcriptId });
      await vi.waitFor(() => expect(sent.filter((s) => s.at > t0 + 1200).length).toBeGreaterThan(3), { timeout: 5_000 });
    } finally {
      clearInterval(timer);
    }
    // SIGTERM flushes every queued write: what B accepted is in the database after this.
    await nodeB.stop();
    const { loadRoomDoc } = await import("../../lib/db/queries/yjsLog");
    const { doc } = await loadRoomDoc(t.db, room);
    const stored = new Set(doc.getMap("reviewed").keys());
    doc.destroy();
    expect(stored.has("before")).toBe(true);
    const acceptedAfter = sent.filter((s) => stored.has(s.key)).map((s) => s.at - t0);
    const lastAccepted = Math.max(0, ...acceptedAfter);
    console.log(`cluster: last write accepted ${Math.round(lastAccepted)} ms after the submit was announced`);
    expect(lastAccepted).toBeLessThan(1000);
    for (const s of sent) if (s.at > t0 + 1000) expect(stored.has(s.key)).toBe(false);
    nodeB = await startChildServer({ DATABASE_URL: t.config.databaseUrl ?? "", REDIS_URL: redisUrl, NEXTAUTH_SECRET: TEST_SECRET });
  });

  it("a deletion on node A closes node B's sockets within 1 s, and no row of the transcript survives B's writes", async () => {
    const w = await seedTestWorld(t.db);
    const exerciseId = await exerciseFor(w);
    const tx = await open(w.supervisor, transcriptRoom(w.transcriptId));
    const layer = await open(w.trainee, `layer:${exerciseId}:${w.trainee.id}`);
    // A writer keeps B's write path busy while the deletion commits: the fence must hold mid-burst.
    let n = 0;
    const timer = setInterval(() => {
      layer.doc.getMap("reviewed").set(`d${n++}`, true);
    }, 10);
    let closedAfter = Number.NaN;
    try {
      await vi.waitFor(() => expect(layer.socket().saved).toBeGreaterThan(5));
      insertIntoTurn(tx.doc, 0, 0, "[edited]");
      const exerciseIds = await deleteTranscript(t.db, w.transcriptId);
      const t0 = performance.now();
      rightsChanged({ kind: "transcript", transcriptId: w.transcriptId, exerciseIds });
      await vi.waitFor(
        () => {
          expect(tx.closes.map((c) => c.code)).toContain(4403);
          expect(layer.closes.map((c) => c.code)).toContain(4403);
        },
        { timeout: 5_000, interval: 5 },
      );
      closedAfter = performance.now() - t0;
    } finally {
      clearInterval(timer);
    }
    console.log(`cluster: node B closed the deleted transcript's sockets ${Math.round(closedAfter)} ms after the announcement`);
    expect(closedAfter).toBeLessThan(1000);
    // B unloads (and would compact) its rooms on a graceful stop: the fence keeps any row from coming back.
    await nodeB.stop();
    expect(await storedRows([transcriptRoom(w.transcriptId), `consensus:${exerciseId}`, `layer:${exerciseId}:%`])).toBe(0);
    nodeB = await startChildServer({ DATABASE_URL: t.config.databaseUrl ?? "", REDIS_URL: redisUrl, NEXTAUTH_SECRET: TEST_SECRET });
  });
});
