import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createExercise } from "../../lib/db/queries/exercises";
import { createTranscript, deleteTranscript, getTranscriptMeta } from "../../lib/db/queries/transcripts";
import { appendUpdate, compactRoom } from "../../lib/db/queries/yjsLog";
import { putCode } from "../../lib/domain/layerDoc";
import { createTestDb, type TestDb } from "../support/testDb";
import { seedTestWorld } from "../support/seedTestWorld";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

const CANARY = "Zebracanary Quillfeather";

/** Every table's rows as text, bytea included (as hex and as UTF-8), to search for a trace of the text. */
async function dumpEverything(db: TestDb["db"]): Promise<string> {
  const tables = (await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`)) as unknown as { rows?: Array<{ tablename: string }> } & Array<{ tablename: string }>;
  const names = (tables.rows ?? tables).map((t) => t.tablename);
  let dump = "";
  for (const name of names) {
    const result = (await db.execute(sql.raw(`select * from "${name}"`))) as unknown as { rows?: unknown[] } & unknown[];
    for (const row of result.rows ?? result) {
      for (const value of Object.values(row as Record<string, unknown>)) {
        if (value instanceof Uint8Array) dump += Buffer.from(value).toString("utf8") + Buffer.from(value).toString("hex");
        else dump += JSON.stringify(value);
      }
    }
  }
  return dump;
}

describe("deleting a transcript", () => {
  it("removes its text from every table: rows, update log, snapshots, coders' layers and consensus", async () => {
    const db = testDb.db;
    const world = await seedTestWorld(db);
    const id = await createTranscript(db, {
      cohortId: world.cohortId,
      title: "Deletion check",
      createdBy: world.instructor.id,
      turns: [
        { speaker: "Therapist", role: "therapist", start: 0, end: 4, text: "What shows up?" },
        { speaker: "Client", role: "client", start: 5, end: 9, text: `My neighbour ${CANARY} keeps calling.` },
      ],
    });
    const exerciseId = await createExercise(db, {
      cohortId: world.cohortId,
      transcriptId: id,
      title: "Blind",
      mode: "blind",
      revealRule: "instructor",
      coderIds: [world.supervisor.id, world.trainee.id],
      keyCoderId: null,
      codersSettle: false,
      codebookId: null,
      codebookVersion: 1,
      createdBy: world.supervisor.id,
    });
    const layer = new Y.Doc();
    putCode(layer, "c1", { turnId: "t", start: "AA==", end: "AA==", quote: CANARY, dimension: "cognition", polarity: "inflexible", at: 1 });
    await appendUpdate(db, `layer:${exerciseId}:${world.trainee.id}`, Y.encodeStateAsUpdate(layer));
    await compactRoom(db, `layer:${exerciseId}:${world.trainee.id}`);
    await appendUpdate(db, `layer:${exerciseId}:${world.supervisor.id}`, Y.encodeStateAsUpdate(layer));
    const consensus = new Y.Doc();
    consensus.getMap("decisions").set("t", { rationale: `quote: ${CANARY}` });
    await appendUpdate(db, `consensus:${exerciseId}`, Y.encodeStateAsUpdate(consensus));
    await compactRoom(db, `tx:${id}`);

    expect(await dumpEverything(db)).toContain(CANARY);
    await deleteTranscript(db, id);
    expect(await getTranscriptMeta(db, id)).toBeNull();
    const after = await dumpEverything(db);
    expect(after).not.toContain(CANARY);
    expect(after).not.toContain(Buffer.from(CANARY).toString("hex"));
    // The other transcript of the cohort is untouched.
    expect(await getTranscriptMeta(db, world.transcriptId)).not.toBeNull();
  });
});
