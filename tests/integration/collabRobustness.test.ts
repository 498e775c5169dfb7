import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { transcriptRoom } from "../../lib/collab/roomName";
import { type TestClient, connectClient, openRawSocket } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";
import { insertIntoTurn, transcriptXml, turnTexts } from "../support/transcriptText";

let t: TestDb;
let world: TestWorld;
let server: CollabTestServer;
let room: string;
let cookie: string;
let a: TestClient;
let b: TestClient;

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  server = await startCollabTestServer(t.db);
  room = transcriptRoom(world.transcriptId);
  cookie = await sessionCookie(world.supervisor);
  a = connectClient(server.url, room, cookie);
  b = connectClient(server.url, room, await sessionCookie(world.instructor));
  await Promise.all([a.synced(), b.synced()]);
});

afterAll(async () => {
  a?.destroy();
  b?.destroy();
  await server?.close();
  await t?.close();
});

/** The healthy clients still edit and converge, without having been disconnected. */
async function othersStillServed(marker: string): Promise<void> {
  insertIntoTurn(a.doc, 0, 0, marker);
  await vi.waitFor(() => expect(turnTexts(b.doc)[0]).toContain(marker));
  await vi.waitFor(() => expect(a.socket().saved).toBe(a.socket().writesSent));
  expect(transcriptXml(a.doc)).toBe(transcriptXml(b.doc));
  expect(a.closes).toEqual([]);
  expect(b.closes).toEqual([]);
}

function frame(...parts: Array<(e: encoding.Encoder) => void>): Uint8Array {
  const e = encoding.createEncoder();
  for (const part of parts) part(e);
  return encoding.toUint8Array(e);
}

describe("collaboration robustness", () => {
  const malformed: Array<[string, Uint8Array | string]> = [
    ["a truncated varUint", new Uint8Array([0xff, 0xff, 0xff])],
    ["an unknown message type", new Uint8Array([7, 0])],
    ["an auth message, which clients never send", new Uint8Array([2, 0])],
    ["an unknown sync sub-type", new Uint8Array([0, 9, 0])],
    ["a sync update whose length runs past the frame", new Uint8Array([0, 2, 50, 1, 2, 3])],
    ["bytes trailing a complete frame", new Uint8Array([3, 0])],
    ["garbage inside a Yjs update", frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 3, 9, 9, 9, 9])))],
    ["an awareness update that is not JSON", frame((e) => encoding.writeVarUint(e, 1), (e) => encoding.writeVarUint8Array(e, frame((f) => encoding.writeVarUint(f, 1), (f) => encoding.writeVarUint(f, 42), (f) => encoding.writeVarUint(f, 1), (f) => encoding.writeVarString(f, "{nope"))))],
    ["a text frame", "hello"],
  ];

  for (const [what, payload] of malformed) {
    it(`closes only the socket that sent ${what}, with 4400`, async () => {
      const raw = await openRawSocket(server.url, room, cookie);
      raw.ws.send(payload);
      expect((await raw.closed).code).toBe(4400);
      await othersStillServed(`[after ${what}]`);
    });
  }

  it("closes only the socket that sent a 3 MiB message, with 4413", async () => {
    const raw = await openRawSocket(server.url, room, cookie);
    const big = frame((e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint8Array(e, new Uint8Array(3 * 1024 * 1024)));
    raw.ws.send(big);
    expect((await raw.closed).code).toBe(4413);
    await othersStillServed("[after 3 MiB]");
  });

  it("closes only a socket that floods messages beyond its rate, with 4429", async () => {
    const raw = await openRawSocket(server.url, room, cookie);
    for (let i = 0; i < 2000; i++) raw.ws.send(new Uint8Array([3]));
    expect((await raw.closed).code).toBe(4429);
    await othersStillServed("[after flood]");
  });

  it("lets a client remove only awareness states its own socket introduced", async () => {
    const c = connectClient(server.url, room, await sessionCookie(world.trainee));
    await c.synced();
    a.provider.awareness.setLocalStateField("cursor", 1);
    await vi.waitFor(() => expect(c.provider.awareness.getStates().get(a.doc.clientID)?.cursor).toBe(1));
    // The trainee announces that the supervisor left (the way a client marks a peer offline).
    const { removeAwarenessStates } = await import("y-protocols/awareness");
    removeAwarenessStates(c.provider.awareness, [a.doc.clientID], "spoof");
    c.provider.awareness.setLocalStateField("marker", "spoofed");
    await vi.waitFor(() => expect(b.provider.awareness.getStates().get(c.doc.clientID)?.marker).toBe("spoofed"));
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.cursor).toBe(1);
    // When the trainee really leaves, its own state disappears for the others.
    c.destroy();
    await vi.waitFor(() => expect(b.provider.awareness.getStates().has(c.doc.clientID)).toBe(false));
  });

  it("forces the session identity into awareness: a client claiming another name is shown with its own", async () => {
    a.provider.awareness.setLocalStateField("user", { id: world.instructor.id, name: "Somebody Else", color: "#000000" });
    await vi.waitFor(() => {
      const seen = b.provider.awareness.getStates().get(a.doc.clientID);
      expect(seen?.user).toMatchObject({ id: world.supervisor.id, name: world.supervisor.name });
    });
    const seen = b.provider.awareness.getStates().get(a.doc.clientID);
    expect(seen?.user.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(seen?.user.color).not.toBe("#000000");
  });
});
