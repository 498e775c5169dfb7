import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { roomName, transcriptRoom } from "../../lib/collab/roomName";
import { createExercise, revealExercise, submitLayer } from "../../lib/db/queries/exercises";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { anchorSpan } from "../../lib/domain/anchoring";
import { putCode, readLayer } from "../../lib/domain/layerDoc";
import { readTurns } from "../../lib/domain/transcriptDoc";
import { type TestClient, connectClient } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestUser, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";

const CANARY = "CANARY-7f3a-blind";
const canaryBytes = Buffer.from(CANARY, "utf8");

let t: TestDb;
let world: TestWorld;
let server: CollabTestServer;
const cleanup: Array<() => void> = [];

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  server = await startCollabTestServer(t.db);
});
afterAll(async () => {
  for (const done of cleanup) done();
  await server?.close();
  await t?.close();
});

/** A y-websocket client whose every received byte is kept, to prove what did (not) reach this browser. */
async function capturingClient(user: TestUser, room: string, received: Buffer[]): Promise<{ provider: WebsocketProvider; doc: Y.Doc; closes: number[] }> {
  const cookie = await sessionCookie(user);
  const closes: number[] = [];
  class CapturingSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { Cookie: cookie } });
      this.on("message", (data: Buffer) => received.push(Buffer.from(data)));
      this.on("close", (code: number) => closes.push(code));
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url, room, doc, { disableBc: true, WebSocketPolyfill: CapturingSocket as unknown as typeof globalThis.WebSocket });
  cleanup.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { provider, doc, closes };
}

async function blindExercise(mode: "blind" | "open" = "blind"): Promise<string> {
  return createExercise(t.db, {
    cohortId: world.cohortId,
    transcriptId: world.transcriptId,
    title: `isolation ${mode}`,
    mode,
    revealRule: "instructor",
    coderIds: [world.supervisor.id, world.trainee.id],
    keyCoderId: null,
    codersSettle: false,
    codebookId: null,
    codebookVersion: 1,
    createdBy: world.instructor.id,
  });
}

async function codeCanary(client: TestClient): Promise<void> {
  const { doc: tx } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
  const turn = readTurns(tx)[1];
  if (!turn) throw new Error("no turn");
  putCode(client.doc, `code-${CANARY}`, { ...anchorSpan(tx, turn.id, 0, 5), quote: CANARY, note: CANARY, dimension: "self", polarity: "inflexible", at: Date.now() });
  await vi.waitFor(() => expect(client.socket().saved).toBe(client.socket().writesSent));
}

describe("blind mode isolation over the collaboration rooms", () => {
  it("never sends coder B's canary code to coder A before reveal — over the transcript, A's layer, B's layer or consensus — and does after", async () => {
    const exerciseId = await blindExercise();
    const bLayer = roomName({ kind: "layer", exerciseId, coderId: world.supervisor.id });
    const b = connectClient(server.url, bLayer, await sessionCookie(world.supervisor));
    cleanup.push(() => b.destroy());
    await b.synced();
    await codeCanary(b);

    const received: Buffer[] = [];
    const rooms = [transcriptRoom(world.transcriptId), roomName({ kind: "layer", exerciseId, coderId: world.trainee.id }), bLayer, roomName({ kind: "consensus", exerciseId })];
    const clients = await Promise.all(rooms.map((room) => capturingClient(world.trainee, room, received)));
    await vi.waitFor(() => {
      expect(clients[0]?.provider.synced && clients[1]?.provider.synced).toBe(true);
      expect(clients[2]?.closes).toContain(4403);
      expect(clients[3]?.closes).toContain(4403);
    });
    // B keeps coding while A is connected: live updates must not leak either.
    b.doc.getMap("codes").set("late", { ...(b.doc.getMap("codes").get(`code-${CANARY}`) as object), note: `${CANARY}-late` });
    await vi.waitFor(() => expect(b.socket().saved).toBe(b.socket().writesSent));
    expect(received.length).toBeGreaterThan(0);
    expect(Buffer.concat(received).includes(canaryBytes)).toBe(false);

    await revealExercise(t.db, exerciseId);
    await server.collab.reauthorize((room) => room.kind !== "transcript" && room.exerciseId === exerciseId);
    const after = await capturingClient(world.trainee, bLayer, received);
    await vi.waitFor(() => expect(after.provider.synced).toBe(true));
    expect(Buffer.concat(received).includes(canaryBytes)).toBe(true);
    expect(readLayer(after.doc).codes.map((c) => c.note)).toContain(CANARY);
  });

  it("drops a coder's writes to another coder's layer (open mode, read access) and to their own after submitting: not applied, not stored", async () => {
    const exerciseId = await blindExercise("open");
    const bLayer = roomName({ kind: "layer", exerciseId, coderId: world.supervisor.id });
    const aLayer = roomName({ kind: "layer", exerciseId, coderId: world.trainee.id });
    const b = connectClient(server.url, bLayer, await sessionCookie(world.supervisor));
    const aOnB = connectClient(server.url, bLayer, await sessionCookie(world.trainee));
    const aOwn = connectClient(server.url, aLayer, await sessionCookie(world.trainee));
    cleanup.push(() => b.destroy(), () => aOnB.destroy(), () => aOwn.destroy());
    await Promise.all([b.synced(), aOnB.synced(), aOwn.synced()]);

    aOnB.doc.getMap("codes").set("forged", { turnId: "t", quote: "forged into B" });
    aOwn.doc.getMap("codes").set("mine", { turnId: "t", quote: "before submit" });
    await vi.waitFor(() => expect(aOwn.socket().saved).toBe(aOwn.socket().writesSent));

    await submitLayer(t.db, exerciseId, world.trainee.id);
    await server.collab.reauthorize((room) => room.kind !== "transcript" && room.exerciseId === exerciseId);
    aOwn.doc.getMap("codes").set("after", { turnId: "t", quote: "after submit" });
    // Presence markers sent after the writes, on the same sockets, prove the server has handled the writes:
    // a socket's frames are processed in order.
    const watcher = connectClient(server.url, aLayer, await sessionCookie(world.supervisor));
    cleanup.push(() => watcher.destroy());
    await watcher.synced();
    aOwn.provider.awareness.setLocalStateField("marker", "after-submit");
    aOnB.provider.awareness.setLocalStateField("marker", "after-forgery");
    await vi.waitFor(() => {
      expect(watcher.provider.awareness.getStates().get(aOwn.doc.clientID)?.marker).toBe("after-submit");
      expect(b.provider.awareness.getStates().get(aOnB.doc.clientID)?.marker).toBe("after-forgery");
    });

    expect(b.doc.getMap("codes").has("forged")).toBe(false);
    const storedB = (await loadRoomDoc(t.db, bLayer)).doc.getMap("codes");
    const storedA = (await loadRoomDoc(t.db, aLayer)).doc.getMap("codes");
    expect(storedB.has("forged")).toBe(false);
    expect(storedA.has("mine")).toBe(true);
    expect(storedA.has("after")).toBe(false);
  });
});
