import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { transcriptRoom } from "../../lib/collab/roomName";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { createRedisRelay, type RoomRelay } from "../../server/collab";
import { type TestClient, connectClient } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";
import { insertIntoTurn, transcriptXml, turnTexts } from "../support/transcriptText";

// Only collected when REDIS_URL is set (vitest.config.ts): CI runs it against the machine's Redis.
const redisUrl = process.env.REDIS_URL as string;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

let t: TestDb;
let world: TestWorld;
const nodes: Array<{ server: CollabTestServer; relay: RoomRelay }> = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  for (let i = 0; i < 2; i++) {
    const relay = await createRedisRelay(redisUrl, quiet);
    nodes.push({ relay, server: await startCollabTestServer(t.db, { relay }) });
  }
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  for (const node of nodes) {
    await node.server.close();
    await node.relay.close();
  }
  await t?.close();
});

async function connect(node: number, user: TestWorld["supervisor"]): Promise<TestClient> {
  const c = connectClient(nodes[node]!.server.url, transcriptRoom(world.transcriptId), await sessionCookie(user));
  clients.push(c);
  await c.synced();
  return c;
}

describe("fan-out between server nodes through Redis", () => {
  it("an edit on one node reaches a client on another node live, and is stored exactly once", async () => {
    const a = await connect(0, world.supervisor);
    const b = await connect(1, world.instructor);
    const rowsBefore = (await loadRoomDoc(t.db, transcriptRoom(world.transcriptId))).logIds.length;

    insertIntoTurn(a.doc, 0, 0, "[node A]");
    insertIntoTurn(b.doc, 1, 0, "[node B]");
    await vi.waitFor(() => {
      expect(turnTexts(b.doc)[0]).toContain("[node A]");
      expect(turnTexts(a.doc)[1]).toContain("[node B]");
    });
    expect(transcriptXml(a.doc)).toBe(transcriptXml(b.doc));
    await vi.waitFor(() => {
      expect(a.socket().saved).toBe(a.socket().writesSent);
      expect(b.socket().saved).toBe(b.socket().writesSent);
    });
    const { doc, logIds } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
    expect(transcriptXml(doc)).toBe(transcriptXml(a.doc));
    // Each node persists only what its own sockets sent: two edits, two rows (plus each client's step 2).
    expect(logIds.length - rowsBefore).toBeLessThanOrEqual(4);
    doc.destroy();
  });

  it("presence crosses nodes with the identity the first node forced from the session", async () => {
    const a = await connect(0, world.supervisor);
    const b = await connect(1, world.instructor);
    a.provider.awareness.setLocalStateField("user", { name: "Someone Else" });
    await vi.waitFor(() => {
      const names = Array.from(b.provider.awareness.getStates().values()).map((s) => (s as { user?: { name?: string } }).user?.name);
      expect(names).toContain(world.supervisor.name);
      expect(names).not.toContain("Someone Else");
    });
    const aClientId = a.doc.clientID;
    a.destroy();
    await vi.waitFor(() => expect(b.provider.awareness.getStates().has(aClientId)).toBe(false));
  });
});
