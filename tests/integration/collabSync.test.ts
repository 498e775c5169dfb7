import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { transcriptRoom } from "../../lib/collab/roomName";
import { type TestClient, connectClient } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";
import { insertIntoTurn, transcriptXml, turnTexts } from "../support/transcriptText";

let t: TestDb;
let world: TestWorld;
let server: CollabTestServer;
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  server = await startCollabTestServer(t.db);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
  await t?.close();
});

async function client(user: TestWorld["supervisor"], room = transcriptRoom(world.transcriptId)): Promise<TestClient> {
  const c = connectClient(server.url, room, await sessionCookie(user));
  clients.push(c);
  return c;
}

describe("collaboration sync", () => {
  it("two clients converge on concurrent edits in the same turn, and the database holds the same document", async () => {
    const a = await client(world.supervisor);
    const b = await client(world.instructor);
    await Promise.all([a.synced(), b.synced()]);
    expect(turnTexts(a.doc)).toEqual(turnTexts(b.doc));
    const before = turnTexts(a.doc)[0] ?? "";

    insertIntoTurn(a.doc, 0, 0, "[from A]");
    insertIntoTurn(b.doc, 0, 0, "[from B]");
    insertIntoTurn(a.doc, 0, 5, "(a2)");

    await vi.waitFor(() => {
      expect(transcriptXml(a.doc)).toBe(transcriptXml(b.doc));
      expect(turnTexts(a.doc)[0]).toContain("[from B]");
    });
    const merged = turnTexts(a.doc)[0] ?? "";
    expect(merged).toContain("(a2)");
    expect(merged.length).toBe(before.length + "[from A]".length + "[from B]".length + "(a2)".length);

    // Everything sent is acknowledged, and only then compared with what the database holds.
    await vi.waitFor(() => {
      expect(a.socket().saved).toBe(a.socket().writesSent);
      expect(b.socket().saved).toBe(b.socket().writesSent);
    });
    const { doc } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
    expect(transcriptXml(doc)).toBe(transcriptXml(a.doc));
    doc.destroy();
  });
});
