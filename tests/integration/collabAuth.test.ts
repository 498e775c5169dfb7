import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { transcriptRoom } from "../../lib/collab/roomName";
import { memberships, users, yjsUpdates } from "../../lib/db/schema";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { addMembership } from "../../lib/db/queries/users";
import { createExercise, revealExercise, submitLayer } from "../../lib/db/queries/exercises";
import { type TestClient, connectClient } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestUser, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";
import { insertIntoTurn, turnTexts } from "../support/transcriptText";

let t: TestDb;
let world: TestWorld;
let server: CollabTestServer;
let room: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  server = await startCollabTestServer(t.db);
  room = transcriptRoom(world.transcriptId);
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
  await t?.close();
});

async function client(user: TestUser | null, roomName = room, headers?: Record<string, string>): Promise<TestClient> {
  const c = connectClient(server.url, roomName, user ? await sessionCookie(user) : null, { headers });
  clients.push(c);
  return c;
}

async function expectClosedWith(c: TestClient, code: number): Promise<void> {
  await vi.waitFor(() => expect(c.closes.map((e) => e.code)).toContain(code));
  // 44xx is final for y-websocket: it must not be retrying.
  expect(c.provider.shouldConnect).toBe(false);
}

async function roomRows(): Promise<number> {
  return (await t.db.select({ id: yjsUpdates.id }).from(yjsUpdates).where(eq(yjsUpdates.room, room))).length;
}

describe("collaboration access", () => {
  it("closes a socket without a session with 4401 after completing the upgrade", async () => {
    await expectClosedWith(await client(null), 4401);
  });

  it("closes a socket whose session token is older than 12 hours with 4401", async () => {
    const stale = connectClient(server.url, room, await sessionCookie(world.supervisor, undefined, Date.now() - 13 * 3600_000));
    clients.push(stale);
    await expectClosedWith(stale, 4401);
  });

  it("closes a member of another cohort with 4403", async () => {
    await expectClosedWith(await client(world.outsider), 4403);
  });

  it("closes unknown and malformed rooms, and rooms of a missing exercise, with 4403", async () => {
    for (const name of ["tx:no-such-transcript", "bogus:1", "tx:a:b", `layer:ex1:${world.supervisor.id}`, "consensus:ex1"]) {
      await expectClosedWith(await client(world.supervisor, name), 4403);
    }
  });

  it("closes a browser socket from a foreign Origin with 4403 and accepts one from the same host", async () => {
    await expectClosedWith(await client(world.supervisor, room, { Origin: "https://evil.example" }), 4403);
    const sameHost = await client(world.supervisor, room, { Origin: `http://127.0.0.1:${server.port}` });
    await sameHost.synced();
    sameHost.provider.disconnect();
  });

  it("closes a disabled account's socket with 4401 even though its token is still valid", async () => {
    const disabled = await seedTestWorld(t.db);
    await t.db.update(users).set({ disabled: true }).where(eq(users.id, disabled.supervisor.id));
    const c = connectClient(server.url, transcriptRoom(disabled.transcriptId), await sessionCookie(disabled.supervisor));
    clients.push(c);
    await expectClosedWith(c, 4401);
  });

  it("never applies, persists, relays or acknowledges a read-only (trainee) client's edits, but lets it read", async () => {
    const editor = await client(world.supervisor);
    const trainee = await client(world.trainee);
    await Promise.all([editor.synced(), trainee.synced()]);
    expect(turnTexts(trainee.doc)).toEqual(turnTexts(editor.doc));
    await vi.waitFor(() => expect(editor.socket().saved).toBe(editor.socket().writesSent));
    const rowsBefore = await roomRows();

    insertIntoTurn(trainee.doc, 1, 0, "TRAINEE-WAS-HERE");
    expect(trainee.socket().writesSent).toBeGreaterThan(0);
    // Frames on one socket are handled in order: once the trainee's later awareness change reached the
    // editor, the server has handled (and dropped) the update sent before it.
    trainee.provider.awareness.setLocalStateField("marker", "after-edit");
    await vi.waitFor(() => {
      const state = editor.provider.awareness.getStates().get(trainee.doc.clientID);
      expect(state?.marker).toBe("after-edit");
    });
    // The editor's own later edit arrives at the trainee: the socket still reads.
    insertIntoTurn(editor.doc, 2, 0, "EDITOR-NOTE ");
    await vi.waitFor(() => expect(turnTexts(trainee.doc)[2]).toContain("EDITOR-NOTE"));
    await vi.waitFor(() => expect(editor.socket().saved).toBe(editor.socket().writesSent));

    expect(turnTexts(editor.doc).join("\n")).not.toContain("TRAINEE-WAS-HERE");
    expect(trainee.socket().acks).toBe(0);
    expect(await roomRows()).toBe(rowsBefore + 1);
    const { doc } = await loadRoomDoc(t.db, room);
    expect(turnTexts(doc).join("\n")).not.toContain("TRAINEE-WAS-HERE");
    expect(turnTexts(doc)[2]).toContain("EDITOR-NOTE");
    doc.destroy();
    // A newcomer loads the room's state, which never had the trainee's text.
    const fresh = await client(world.instructor);
    await fresh.synced();
    expect(turnTexts(fresh.doc).join("\n")).not.toContain("TRAINEE-WAS-HERE");
  });

  it("re-checks open sockets on reauthorize: a demoted editor becomes read-only, a removed member is closed with 4403", async () => {
    const w = await seedTestWorld(t.db);
    const wRoom = transcriptRoom(w.transcriptId);
    const demoted = connectClient(server.url, wRoom, await sessionCookie(w.supervisor));
    const removed = connectClient(server.url, wRoom, await sessionCookie(w.instructor));
    const witness = connectClient(server.url, wRoom, await sessionCookie(w.trainee));
    clients.push(demoted, removed, witness);
    await Promise.all([demoted.synced(), removed.synced(), witness.synced()]);

    await addMembership(t.db, w.cohortId, w.supervisor.id, "trainee");
    await t.db.delete(memberships).where(and(eq(memberships.cohortId, w.cohortId), eq(memberships.userId, w.instructor.id)));
    await server.collab.reauthorize((r) => r.kind === "transcript" && r.transcriptId === w.transcriptId);

    await expectClosedWith(removed, 4403);
    insertIntoTurn(demoted.doc, 0, 0, "AFTER-DEMOTION");
    demoted.provider.awareness.setLocalStateField("marker", "demoted");
    await vi.waitFor(() => expect(witness.provider.awareness.getStates().get(demoted.doc.clientID)?.marker).toBe("demoted"));
    expect(turnTexts(witness.doc)[0]).not.toContain("AFTER-DEMOTION");
    expect(demoted.closes).toEqual([]);
  });

  it("follows a blind exercise: layer rooms by its rules, a read-only transcript, coders blind to each other's presence, all re-checked on submit and reveal", async () => {
    const w = await seedTestWorld(t.db);
    const exerciseId = await createExercise(t.db, {
      cohortId: w.cohortId,
      transcriptId: w.transcriptId,
      title: "blind",
      mode: "blind",
      revealRule: "instructor",
      coderIds: [w.supervisor.id, w.trainee.id],
      keyCoderId: null,
      codersSettle: false,
      codebookId: null,
      codebookVersion: 1,
      createdBy: w.instructor.id,
    });
    const layer = `layer:${exerciseId}:${w.supervisor.id}`;
    const open = async (user: TestUser, roomName: string) => {
      const c = connectClient(server.url, roomName, await sessionCookie(user));
      clients.push(c);
      return c;
    };
    const coder = await open(w.supervisor, layer);
    const watcher = await open(w.instructor, layer);
    await Promise.all([coder.synced(), watcher.synced()]);
    coder.doc.getMap("codes").set("c1", { turnId: "t", quote: "q" });
    await vi.waitFor(() => expect(coder.socket().saved).toBe(coder.socket().writesSent));
    await vi.waitFor(() => expect(watcher.doc.getMap("codes").has("c1")).toBe(true));
    // Blind and coding: a fellow coder may not look.
    await expectClosedWith(await open(w.trainee, layer), 4403);
    // The blind exercise locks the transcript: its supervisor reads it only.
    const fresh = await open(w.instructor, transcriptRoom(w.transcriptId));
    const locked = await open(w.supervisor, transcriptRoom(w.transcriptId));
    await Promise.all([fresh.synced(), locked.synced()]);
    insertIntoTurn(locked.doc, 0, 0, "MOVES-ANCHORS");
    locked.provider.awareness.setLocalStateField("marker", "after-edit");
    await vi.waitFor(() => expect(fresh.provider.awareness.getStates().get(locked.doc.clientID)?.marker).toBe("after-edit"));
    expect(turnTexts(fresh.doc)[0]).not.toContain("MOVES-ANCHORS");
    // Blind coders never see each other's presence in the transcript; staff who do not code see everyone.
    const otherCoder = await open(w.trainee, transcriptRoom(w.transcriptId));
    await otherCoder.synced();
    locked.provider.awareness.setLocalStateField("cursor", 42);
    await vi.waitFor(() => expect(fresh.provider.awareness.getStates().get(locked.doc.clientID)?.cursor).toBe(42));
    // The instructor's later marker reaches the other coder on the same socket after anything relayed before it.
    fresh.provider.awareness.setLocalStateField("marker", "after-cursor");
    await vi.waitFor(() => expect(otherCoder.provider.awareness.getStates().get(fresh.doc.clientID)?.marker).toBe("after-cursor"));
    expect(otherCoder.provider.awareness.getStates().has(locked.doc.clientID)).toBe(false);
    expect(locked.provider.awareness.getStates().has(otherCoder.doc.clientID)).toBe(false);
    expect(locked.socket().acks).toBe(0);

    await submitLayer(t.db, exerciseId, w.supervisor.id);
    await server.collab.reauthorize((r) => r.kind !== "transcript" && r.exerciseId === exerciseId);
    coder.doc.getMap("codes").set("c2", { turnId: "t", quote: "late" });
    coder.provider.awareness.setLocalStateField("marker", "submitted");
    await vi.waitFor(() => expect(watcher.provider.awareness.getStates().get(coder.doc.clientID)?.marker).toBe("submitted"));
    expect(watcher.doc.getMap("codes").has("c2")).toBe(false);

    await revealExercise(t.db, exerciseId);
    await server.collab.reauthorize((r) => (r.kind === "transcript" ? r.transcriptId === w.transcriptId : r.exerciseId === exerciseId));
    // Revealed: the coders' presence flows again.
    locked.provider.awareness.setLocalStateField("cursor", 43);
    await vi.waitFor(() => expect(otherCoder.provider.awareness.getStates().get(locked.doc.clientID)?.cursor).toBe(43));
    const peer = await open(w.trainee, layer);
    await peer.synced();
    expect(peer.doc.getMap("codes").has("c1")).toBe(true);
    expect(peer.doc.getMap("codes").has("c2")).toBe(false);
  });
});
