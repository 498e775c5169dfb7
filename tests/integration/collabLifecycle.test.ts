import { sql } from "drizzle-orm";
import { WebSocket } from "ws";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { transcriptRoom } from "../../lib/collab/roomName";
import { createTranscript } from "../../lib/db/queries/transcripts";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { demoTranscriptShort } from "../../lib/domain/demoTranscriptShort";
import { type TestClient, connectClient } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";
import { insertIntoTurn, transcriptXml, turnTexts } from "../support/transcriptText";

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

async function server(limits: Parameters<typeof startCollabTestServer>[1] = {}): Promise<CollabTestServer> {
  const s = await startCollabTestServer(t.db, limits);
  servers.push(s);
  return s;
}

async function newRoom(): Promise<string> {
  const id = await createTranscript(t.db, { cohortId: world.cohortId, title: "lifecycle", createdBy: null, turns: demoTranscriptShort.turns });
  return transcriptRoom(id);
}

async function client(s: CollabTestServer, room: string, user = world.supervisor): Promise<TestClient> {
  const c = connectClient(s.url, room, await sessionCookie(user));
  clients.push(c);
  return c;
}

describe("collaboration lifecycle", () => {
  it("on a failed write acknowledges nothing, closes the room's sockets with 1011, and the reconnect re-uploads the lost edit", async () => {
    const logged: string[] = [];
    const s = await server({ logger: { info: () => undefined, warn: () => undefined, error: (event, fields) => logged.push(JSON.stringify({ event, ...fields })) } });
    const room = await newRoom();
    const writer = await client(s, room);
    const other = await client(s, room, world.instructor);
    await Promise.all([writer.synced(), other.synced()]);
    await t.db.execute(sql.raw(`CREATE FUNCTION coflex_test_fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`));
    await t.db.execute(sql.raw(`CREATE TRIGGER coflex_test_fail BEFORE INSERT ON yjs_updates FOR EACH STATEMENT EXECUTE FUNCTION coflex_test_fail_insert()`));
    try {
      insertIntoTurn(writer.doc, 0, 0, "NOT-YET-SAVED ");
      const record = writer.socket();
      const seq = record.writesSent;
      await vi.waitFor(() => expect(writer.closes.map((c) => c.code)).toContain(1011));
      await vi.waitFor(() => expect(other.closes.map((c) => c.code)).toContain(1011));
      expect(record.saved).toBeLessThan(seq);
      expect(logged.some((line) => line.includes("collab.write_failed"))).toBe(true);
      // The log names the room and the error class, never the document's text.
      expect(logged.join("\n")).not.toContain("NOT-YET-SAVED");
    } finally {
      await t.db.execute(sql.raw(`DROP TRIGGER coflex_test_fail ON yjs_updates`));
      await t.db.execute(sql.raw(`DROP FUNCTION coflex_test_fail_insert()`));
    }
    // 1011 is not final: the clients reconnect, the room reloads from the database, and the writer's
    // sync uploads what the database lacks.
    await vi.waitFor(
      async () => {
        expect(writer.provider.synced).toBe(true);
        expect(writer.socket().saved).toBe(writer.socket().writesSent);
        const { doc } = await loadRoomDoc(t.db, room);
        expect(turnTexts(doc)[0]).toContain("NOT-YET-SAVED");
      },
      { timeout: 15_000, interval: 100 },
    );
    await vi.waitFor(() => expect(transcriptXml(other.doc)).toBe(transcriptXml(writer.doc)));
  });

  it("on shutdown stops reading, commits and acknowledges what it received, then closes sockets with 1012", async () => {
    const s = await server();
    const room = await newRoom();
    const writer = await client(s, room);
    const witness = await client(s, room, world.instructor);
    await Promise.all([writer.synced(), witness.synced()]);
    for (let i = 0; i < 30; i++) insertIntoTurn(writer.doc, i % 3, 0, `[${i}]`);
    writer.provider.awareness.setLocalStateField("marker", "sent-all");
    // Once the witness sees the marker, the server has received (and applied) every edit before it.
    await vi.waitFor(() => expect(witness.provider.awareness.getStates().get(writer.doc.clientID)?.marker).toBe("sent-all"));
    const record = writer.socket();
    const expected = transcriptXml(writer.doc);
    await s.collab.shutdown();
    expect(record.saved).toBe(record.writesSent);
    await vi.waitFor(() => expect(writer.closes.map((c) => c.code)).toContain(1012));
    expect(s.collab.stats()).toEqual({ rooms: 0, sockets: 0 });
    const { doc } = await loadRoomDoc(t.db, room);
    expect(transcriptXml(doc)).toBe(expected);
  });

  it("drops a socket that stops answering pings, and keeps one that answers", async () => {
    const s = await server({ limits: { heartbeatMs: 100 } });
    const room = await newRoom();
    const alive = await client(s, room);
    await alive.synced();
    const cookie = await sessionCookie(world.instructor);
    const dead = new WebSocket(`${s.url}/${room}`, { headers: { Cookie: cookie }, autoPong: false });
    dead.on("error", () => undefined);
    const closed = new Promise<number>((resolve) => dead.on("close", (code) => resolve(code)));
    await new Promise<void>((resolve) => dead.once("open", () => resolve()));
    await vi.waitFor(() => expect(s.collab.stats().sockets).toBe(2));
    expect(await closed).toBe(1006);
    await vi.waitFor(() => expect(s.collab.stats().sockets).toBe(1));
    expect(alive.closes).toEqual([]);
    expect(alive.provider.wsconnected).toBe(true);
  });
});
