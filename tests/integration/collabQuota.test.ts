import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { QUOTA_REASON_BUDGET, QUOTA_REASON_ROOM } from "../../lib/collab/protocol";
import { transcriptRoom } from "../../lib/collab/roomName";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { DEFAULT_COLLAB_LIMITS } from "../../server/collab";
import { type TestClient, connectClient } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";
import { insertIntoTurn, turnTexts } from "../support/transcriptText";

let t: TestDb;
let world: TestWorld;
const servers: CollabTestServer[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.close();
  await t?.close();
});

const KIB = 1024;

async function server(limits: Partial<typeof DEFAULT_COLLAB_LIMITS>): Promise<CollabTestServer> {
  const s = await startCollabTestServer(t.db, { limits });
  servers.push(s);
  return s;
}

async function open(s: CollabTestServer): Promise<TestClient> {
  const c = connectClient(s.url, transcriptRoom(world.transcriptId), await sessionCookie(world.supervisor));
  clients.push(c);
  await c.synced();
  return c;
}

async function storedTurns(): Promise<string[]> {
  const { doc } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
  const texts = turnTexts(doc);
  doc.destroy();
  return texts;
}

describe("storage quotas", () => {
  it("closes a socket with 4413 and stores nothing of the write that would pass the room's quota", async () => {
    const { bytes } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
    const s = await server({ roomQuotaBytes: { ...DEFAULT_COLLAB_LIMITS.roomQuotaBytes, transcript: bytes + 50 * KIB } });
    const c = await open(s);
    const first = `[fits ${"a".repeat(30 * KIB)}]`;
    insertIntoTurn(c.doc, 0, 0, first);
    await vi.waitFor(() => expect(c.socket().saved).toBe(c.socket().writesSent));
    const second = `[over ${"b".repeat(30 * KIB)}]`;
    insertIntoTurn(c.doc, 1, 0, second);
    await vi.waitFor(() => expect(c.closes).toContainEqual({ code: 4413, reason: QUOTA_REASON_ROOM }));
    await s.close();
    const stored = await storedTurns();
    expect(stored[0]).toContain(first);
    expect(stored.join("")).not.toContain("[over");
  });

  it("a user's write budget is shared by their sockets and a write beyond it is refused whole with 4413", async () => {
    const s = await server({ userWriteBytesPerMinute: 40 * KIB });
    const a = await open(s);
    const b = await open(s);
    insertIntoTurn(a.doc, 2, 0, `[budget-a ${"c".repeat(25 * KIB)}]`);
    await vi.waitFor(() => expect(a.socket().saved).toBe(a.socket().writesSent));
    // The second socket of the same user has the same budget: 25 KiB more does not fit into the 15 KiB left.
    insertIntoTurn(b.doc, 3, 0, `[budget-b ${"d".repeat(25 * KIB)}]`);
    await vi.waitFor(() => expect(b.closes).toContainEqual({ code: 4413, reason: QUOTA_REASON_BUDGET }));
    await s.close();
    const stored = (await storedTurns()).join("");
    expect(stored).toContain("[budget-a");
    expect(stored).not.toContain("[budget-b");
  });
});
