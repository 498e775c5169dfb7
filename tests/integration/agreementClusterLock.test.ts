import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { roomName, transcriptRoom } from "../../lib/collab/roomName";
import { type Db, type DbHandle, openDb } from "../../lib/db/client";
import { insertAgreementRun } from "../../lib/db/queries/agreement";
import { lockExerciseAgreement } from "../../lib/db/queries/clusterLocks";
import { createExercise } from "../../lib/db/queries/exercises";
import { appendUpdate, loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { agreementRuns } from "../../lib/db/schema";
import { setReviewed } from "../../lib/domain/layerDoc";
import { readTurns } from "../../lib/domain/transcriptDoc";
import { type AgreementScheduler, type RunEvent, startAgreementScheduler } from "../../server/jobs/agreementScheduler";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { createTestDb, type TestDb } from "../support/testDb";

// Every node runs the agreement scheduler. On PostgreSQL (DATABASE_URL) the two "nodes" here have their own
// connection pools to one database, as two server processes would; on the embedded database there is one
// node, and both schedulers share its handle.
let t: TestDb;
let nodeB: DbHandle | null = null;
let dbB: Db;
let world: TestWorld;
let turnIds: string[];
const schedulers: AgreementScheduler[] = [];

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  if (t.kind === "postgres") {
    nodeB = await openDb(t.config);
    dbB = nodeB.db;
  } else dbB = t.db;
  const { doc } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
  turnIds = readTurns(doc).map((turn) => turn.id);
  doc.destroy();
});

afterAll(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  await nodeB?.close();
  await t?.close();
});

function scheduler(db: Db, events: RunEvent[]): AgreementScheduler {
  const s = startAgreementScheduler({ db, subscribe: false, catchUp: false, quietMs: 0, maxDelayMs: 0 });
  s.onRun((event) => events.push(event));
  schedulers.push(s);
  return s;
}

async function newExercise(title: string): Promise<string> {
  return createExercise(t.db, {
    cohortId: world.cohortId,
    transcriptId: world.transcriptId,
    title,
    mode: "open",
    revealRule: "instructor",
    coderIds: [world.supervisor.id, world.trainee.id],
    keyCoderId: null,
    codersSettle: false,
    codebookId: null,
    codebookVersion: 1,
    createdBy: world.instructor.id,
  });
}

/** A coder marks more turns reviewed: new layer content, so the next run has a new input fingerprint. */
async function review(exerciseId: string, coderId: string, turns: string[]): Promise<void> {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  setReviewed(doc, turns, true);
  for (const u of updates) await appendUpdate(t.db, roomName({ kind: "layer", exerciseId, coderId }), u);
  doc.destroy();
}

async function storedFingerprints(exerciseId: string): Promise<string[]> {
  const rows = await t.db.select({ fingerprint: agreementRuns.fingerprint }).from(agreementRuns).where(eq(agreementRuns.exerciseId, exerciseId));
  return rows.map((r) => r.fingerprint);
}

describe("agreement runs stored once cluster-wide", () => {
  it("stores one run per input fingerprint when two nodes' schedulers run the same exercise at once", async () => {
    const exerciseId = await newExercise("two schedulers");
    const eventsA: RunEvent[] = [];
    const eventsB: RunEvent[] = [];
    const a = scheduler(t.db, eventsA);
    const b = scheduler(dbB, eventsB);
    await Promise.all([a.ready(), b.ready()]);
    const rounds = 3;
    for (let round = 0; round < rounds; round++) {
      await review(exerciseId, round % 2 === 0 ? world.supervisor.id : world.trainee.id, turnIds.slice(0, round + 2));
      // The same change reaches both nodes at once (a submit's rights event does exactly this).
      a.schedule(exerciseId, "rights");
      b.schedule(exerciseId, "rights");
      await Promise.all([a.idle(), b.idle()]);
    }
    const events = [...eventsA, ...eventsB];
    expect(events.filter((e) => e.outcome === "failed")).toEqual([]);
    expect(events).toHaveLength(2 * rounds);
    const stored = await storedFingerprints(exerciseId);
    // One row per fingerprint, one fingerprint per round, and each round stored by exactly one node.
    expect(new Set(stored).size).toBe(stored.length);
    expect(stored).toHaveLength(rounds);
    expect(events.filter((e) => e.outcome === "stored")).toHaveLength(rounds);
    expect(events.filter((e) => e.outcome === "unchanged")).toHaveLength(rounds);
  });

  it("makes a node's store wait while another node holds the exercise's lock, and then finds that node's run", async () => {
    const exerciseId = await newExercise("lock");
    const run = { exerciseId, fingerprint: "fp-lock-test", trigger: "rights", durationMs: 1, outputJson: "{}", rows: [] };
    let holderDone = 0;
    const holder = t.db.transaction(async (tx) => {
      await lockExerciseAgreement(tx, exerciseId);
      // Node A stores while it holds the lock…
      expect(await insertAgreementRun(tx as unknown as Db, run)).not.toBeNull();
      await new Promise((r) => setTimeout(r, 400));
      holderDone = performance.now();
    });
    await new Promise((r) => setTimeout(r, 50));
    // …node B's store of the same exercise and fingerprint waits for it, then finds the run stored.
    const second = await insertAgreementRun(dbB, run);
    const finished = performance.now();
    await holder;
    expect(second).toBeNull();
    expect(finished).toBeGreaterThanOrEqual(holderDone);
    expect(await storedFingerprints(exerciseId)).toEqual(["fp-lock-test"]);
  });
});
