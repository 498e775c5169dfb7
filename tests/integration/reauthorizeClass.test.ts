import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../../lib/db/client";
import { createExercise, submitLayer } from "../../lib/db/queries/exercises";
import { addMembership, createUser } from "../../lib/db/queries/users";
import { type TestClient, connectClient } from "../support/collabClient";
import { type CollabTestServer, startCollabTestServer } from "../support/collabTestServer";
import { seedTestWorld, type TestUser, type TestWorld } from "../support/seedTestWorld";
import { sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";

/**
 * A class submitting at once: each submit is a change of rights, and every change re-checks the open
 * sockets of the exercise. Measured before the fix: 100 submits queued ~80,000 statements (each of 100
 * layer sockets re-read the exercise and its coders once per submit), a minute of database work.
 */

const CODERS = 20;

let t: TestDb;
let world: TestWorld;
let server: CollabTestServer;
let selects = 0;
const clients: TestClient[] = [];

/** The real database, with every `select` the server starts counted. */
function counting(db: Db): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "select") selects++;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  server = await startCollabTestServer(counting(t.db));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await t?.close();
});

async function open(user: TestUser, room: string): Promise<TestClient> {
  const c = connectClient(server.url, room, await sessionCookie(user));
  clients.push(c);
  await c.synced();
  return c;
}

describe("rights re-checks for a class", () => {
  it("merges a class's simultaneous submits into at most two passes over the sockets, and every coder's layer is read-only after them", async () => {
    const trainees: TestUser[] = [];
    for (let i = 0; i < CODERS; i++) {
      const email = `class-${i}-${world.cohortId.slice(0, 8)}@coflex.test`;
      const id = await createUser(t.db, { email, name: `Class trainee ${i}`, passwordHash: "unused" });
      await addMembership(t.db, world.cohortId, id, "trainee");
      trainees.push({ id, name: `Class trainee ${i}`, email });
    }
    const exerciseId = await createExercise(t.db, {
      cohortId: world.cohortId,
      transcriptId: world.transcriptId,
      title: "class",
      mode: "blind",
      revealRule: "instructor",
      coderIds: trainees.map((u) => u.id),
      keyCoderId: null,
      codersSettle: false,
      codebookId: null,
      codebookVersion: 1,
      createdBy: world.instructor.id,
    });
    const layers = await Promise.all(trainees.map((u) => open(u, `layer:${exerciseId}:${u.id}`)));
    // Two of the layers have the instructor watching, to see whether late writes get through.
    const watched = [0, CODERS - 1];
    const watchers = await Promise.all(watched.map((i) => open(world.instructor, `layer:${exerciseId}:${trainees[i]!.id}`)));

    for (const u of trainees) await submitLayer(t.db, exerciseId, u.id);
    selects = 0;
    const match = (r: { kind: string; exerciseId?: string }) => r.kind !== "transcript" && r.exerciseId === exerciseId;
    await Promise.all(trainees.map(() => server.collab.reauthorize(match)));
    const statements = selects;

    // Per pass: the exercise (2 statements), and per coder their account and memberships (2 each).
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(2 * (2 + 2 * (CODERS + 1)));

    for (const [w, i] of watched.entries()) {
      const coder = layers[i]!;
      const acksBefore = coder.socket().acks;
      coder.doc.getMap("codes").set("late", { turnId: "t", quote: "after submit" });
      coder.provider.awareness.setLocalStateField("marker", "after-late-write");
      await vi.waitFor(() => expect(watchers[w]!.provider.awareness.getStates().get(coder.doc.clientID)?.marker).toBe("after-late-write"));
      expect(watchers[w]!.doc.getMap("codes").has("late")).toBe(false);
      expect(coder.socket().acks).toBe(acksBefore);
    }
  });
});
