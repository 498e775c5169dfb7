import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_ABSOLUTE_MS } from "../../lib/auth/sessionToken";
import { transcriptRoom } from "../../lib/collab/roomName";
import { type TestClient, connectClient } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";

let t: TestDb;
let world: TestWorld;
let server: CollabTestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  server = await startCollabTestServer(t.db, { limits: { heartbeatMs: 200 } });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await t?.close();
});

describe("session cap on live sockets", () => {
  it("closes an open socket with 4401 when its session reaches the 12-hour cap, and keeps a younger one open", async () => {
    const room = transcriptRoom(world.transcriptId);
    const ending = connectClient(server.url, room, await sessionCookie(world.supervisor, undefined, Date.now() - SESSION_ABSOLUTE_MS + 1500));
    const fresh = connectClient(server.url, room, await sessionCookie(world.instructor));
    clients.push(ending, fresh);
    await Promise.all([ending.synced(), fresh.synced()]);
    await vi.waitFor(() => expect(ending.closes.map((c) => c.code)).toContain(4401), { timeout: 6000 });
    expect(fresh.closes).toEqual([]);
    expect(fresh.provider.wsconnected).toBe(true);
  });
});
