import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { roomName, transcriptRoom } from "../../lib/collab/roomName";
import { latestAgreementRun } from "../../lib/db/queries/agreement";
import { createExercise } from "../../lib/db/queries/exercises";
import { loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { anchorContext, anchorSpan } from "../../lib/domain/anchoring";
import { putCode, setReviewed } from "../../lib/domain/layerDoc";
import { readTurns } from "../../lib/domain/transcriptDoc";
import { type ChildServer, startChildServer } from "../support/childServer";
import { type TestClient, connectClient } from "../support/collabClient";
import { seedTestWorld, type TestUser, type TestWorld } from "../support/seedTestWorld";
import { TEST_SECRET, sessionCookie } from "../support/sessionCookie";
import { createTestDb, type TestDb } from "../support/testDb";

let t: TestDb;
let world: TestWorld;
let scratch: string;
let child: ChildServer | null = null;
const clients: TestClient[] = [];

beforeAll(async () => {
  // The server runs in a child process; an embedded database must then live on disk, opened by one process at a time.
  t = await createTestDb({ onDisk: true });
  world = await seedTestWorld(t.db);
  scratch = mkdtempSync(path.join(tmpdir(), "coflex-agreement-"));
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await child?.kill();
  await t?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("agreement in the real server process", () => {
  it("starts the worker thread under `node --import tsx server/index.ts` and stores a run after layer edits", async () => {
    const exerciseId = await createExercise(t.db, {
      cohortId: world.cohortId,
      transcriptId: world.transcriptId,
      title: "server process",
      mode: "open",
      revealRule: "instructor",
      coderIds: [world.supervisor.id, world.trainee.id],
      keyCoderId: world.supervisor.id,
      codersSettle: false,
      codebookId: null,
      codebookVersion: 1,
      createdBy: world.instructor.id,
    });
    const tx = (await loadRoomDoc(t.db, transcriptRoom(world.transcriptId))).doc;
    if (t.kind === "pglite") await t.release();

    child = await startChildServer({
      DATABASE_URL: t.config.databaseUrl ?? "",
      COFLEX_DATA_DIR: t.kind === "pglite" ? t.config.dataDir : scratch,
      NEXTAUTH_SECRET: TEST_SECRET,
      COFLEX_DEMO: "0",
      COFLEX_LOG_LEVEL: "info",
    });
    const stored: Array<Record<string, unknown>> = [];
    child.child.stdout?.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.includes("agreement.run_stored")) continue;
        stored.push(JSON.parse(line) as Record<string, unknown>);
      }
    });

    const code = async (user: TestUser, pole: "flexible" | "inflexible") => {
      const c = connectClient(child!.url, roomName({ kind: "layer", exerciseId, coderId: user.id }), await sessionCookie(user));
      clients.push(c);
      await c.synced(30_000);
      const turns = readTurns(tx);
      const context = anchorContext(tx);
      c.doc.transact(() => {
        setReviewed(
          c.doc,
          turns.map((turn) => turn.id),
          true,
        );
        turns.forEach((turn, i) => {
          if (i % 2 === 0 || turn.text.length < 4) return;
          putCode(c.doc, `k${i}`, { ...anchorSpan(tx, turn.id, 0, 4, context), dimension: "emotion", polarity: i % 4 === 1 ? "inflexible" : pole, at: i });
        });
      });
      await vi.waitFor(() => expect(c.socket().saved).toBe(c.socket().writesSent), { timeout: 10_000 });
    };
    await Promise.all([code(world.supervisor, "flexible"), code(world.trainee, "inflexible")]);
    await vi.waitFor(() => expect(stored.map((e) => e.exerciseId)).toContain(exerciseId), { timeout: 30_000, interval: 50 });
    expect(stored[0]).toMatchObject({ scope: "agreement", trigger: "layers" });

    for (const c of clients) c.destroy();
    await child.stop();
    child = null;
    const db = await t.reopen();
    const run = await latestAgreementRun(db, exerciseId);
    expect(run?.output.coders).toEqual([world.supervisor.id, world.trainee.id].sort());
    expect(run?.output.variables.emotion?.n_coders).toBe(2);
  });
});
