import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CurrentUser } from "../../lib/auth/currentUser";
import { roomName, transcriptRoom } from "../../lib/collab/roomName";
import { DEFAULT_AGREEMENT_SETTINGS, insertAgreementRun } from "../../lib/db/queries/agreement";
import { createExercise, getExercise } from "../../lib/db/queries/exercises";
import { loadSubject } from "../../lib/db/queries/users";
import { appendUpdate, loadRoomDoc, readRoomLog, type RoomLog } from "../../lib/db/queries/yjsLog";
import { anchorSpan } from "../../lib/domain/anchoring";
import { putCode, readLayer, setReviewed } from "../../lib/domain/layerDoc";
import { readTurns, type Turn } from "../../lib/domain/transcriptDoc";
import { AppError } from "../../lib/errors";
import { OPEN_REVEAL_MESSAGE, readAgreement, revealAs, submitAs } from "../../lib/exercise/exerciseDecisions";
import { buildExport } from "../../lib/export/buildExport";
import { EXPORT_FORMATS, type ExportFormat } from "../../lib/export/types";
import { route } from "../../lib/http/route";
import { computePrepared, prepareAgreement } from "../../server/jobs/agreementCompute";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { createTestDb, type TestDb } from "../support/testDb";

/**
 * Issue 9, items 3 and 5 against a real database: which turns are units, what a submit does with the
 * units a coder has not looked at, reveal on an open exercise, and one 404 on every agreement channel.
 * Runs are computed and stored exactly as the scheduler does (logs → prepareAgreement → computePrepared).
 */

let t: TestDb;
let world: TestWorld;
let turns: Turn[];
let supervisor: CurrentUser;
let trainee: CurrentUser;
let instructor: CurrentUser;
const SETTINGS = { ...DEFAULT_AGREEMENT_SETTINGS, bootstrap: { replicates: 20, seed: 1 } };

async function asUser(user: { id: string; name: string; email: string }): Promise<CurrentUser> {
  return { ...user, subject: await loadSubject(t.db, user.id) };
}

async function exercise(mode: "blind" | "open", unitScope?: "client_turns" | "all_turns"): Promise<string> {
  return createExercise(t.db, {
    cohortId: world.cohortId,
    transcriptId: world.transcriptId,
    title: `units ${mode} ${unitScope ?? "default"}`,
    mode,
    revealRule: "instructor",
    coderIds: [world.supervisor.id, world.trainee.id],
    keyCoderId: null,
    codersSettle: false,
    ...(unitScope ? { unitScope } : {}),
    codebookId: null,
    codebookVersion: 1,
    createdBy: world.instructor.id,
  });
}

/** A layer where the coder looked at the given turns and coded self·I on every third of them. */
async function writeLayer(exerciseId: string, coderId: string, looked: readonly Turn[]): Promise<void> {
  const { doc: txDoc } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
  const layer = new Y.Doc();
  setReviewed(
    layer,
    looked.map((turn) => turn.id),
    true,
  );
  looked.forEach((turn, i) => {
    if (i % 3 === 0) putCode(layer, `${turn.id}-self`, { ...anchorSpan(txDoc, turn.id, 0, 3), dimension: "self", polarity: "inflexible", at: i });
  });
  await appendUpdate(t.db, roomName({ kind: "layer", exerciseId, coderId }), Y.encodeStateAsUpdate(layer));
  layer.destroy();
  txDoc.destroy();
}

/** Computes and stores the exercise's run from the stored logs, as the agreement scheduler does. */
async function storeRun(exerciseId: string): Promise<ReturnType<typeof computePrepared>["output"]> {
  const ex = (await getExercise(t.db, exerciseId))!;
  const layers: Record<string, RoomLog> = {};
  for (const c of ex.coders) layers[c.id] = await readRoomLog(t.db, roomName({ kind: "layer", exerciseId, coderId: c.id }));
  const prepared = prepareAgreement({ coderIds: ex.coders.map((c) => c.id), keyCoderId: ex.keyCoderId, unitScope: ex.unitScope, transcript: await readRoomLog(t.db, transcriptRoom(ex.transcriptId)), layers }, SETTINGS);
  const { output, rows } = computePrepared(prepared);
  await insertAgreementRun(t.db, { exerciseId, fingerprint: prepared.fingerprint, trigger: "rights", durationMs: 1, outputJson: JSON.stringify(output), rows });
  return output;
}

function exportAs(user: CurrentUser, exerciseId: string, format: ExportFormat): Promise<unknown> {
  return buildExport(t.db, user, exerciseId, format, format === "matrix" ? { variable: "self" } : {});
}

/**
 * What a client would receive over HTTP: the call wrapped in lib/http/route's route(), the one place both
 * the agreement and the export route handlers turn errors into a status and a JSON body.
 */
async function answer(call: () => Promise<unknown>): Promise<{ status: number; body: string }> {
  const handler = route(async () => {
    await call();
    return new Response("served", { status: 200 });
  });
  const response = await handler(new Request("http://coflex.test/api/x"), {});
  return { status: response.status, body: response.status === 200 ? "" : await response.text() };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  const { doc } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
  turns = readTurns(doc);
  doc.destroy();
  supervisor = await asUser(world.supervisor);
  trainee = await asUser(world.trainee);
  instructor = await asUser(world.instructor);
});
afterAll(async () => {
  await t?.close();
});

describe("agreement units", () => {
  it("are the client turns by default: therapist turns, even when both coders reviewed them, are not units", async () => {
    const id = await exercise("open");
    expect((await getExercise(t.db, id))!.unitScope).toBe("client_turns");
    await writeLayer(id, world.supervisor.id, turns);
    await writeLayer(id, world.trainee.id, turns);
    const output = await storeRun(id);
    const clientTurns = turns.filter((turn) => turn.role === "client");
    expect(clientTurns.length).toBeGreaterThan(0);
    expect(clientTurns.length).toBeLessThan(turns.length);
    expect(output.nUnits).toBe(clientTurns.length);
    expect(output.variables["self.inflexible"]!.n_pairable_units).toBe(clientTurns.length);
    const view = await readAgreement(t.db, supervisor, id);
    expect(view.unitDefinition).toBe(`Units are the ${clientTurns.length} client turns; the other ${turns.length - clientTurns.length} turns (therapist and other speakers) are not units.`);
  });

  it("include therapist turns with the exercise setting", async () => {
    const id = await exercise("open", "all_turns");
    await writeLayer(id, world.supervisor.id, turns);
    await writeLayer(id, world.trainee.id, turns);
    const output = await storeRun(id);
    expect(output.nUnits).toBe(turns.length);
    expect(output.variables["self.inflexible"]!.n_pairable_units).toBe(turns.length);
    expect((await readAgreement(t.db, supervisor, id)).unitDefinition).toMatch(/^Units are all \d+ turns, client and therapist/);
  });
});

describe("submitting with client turns not looked at", () => {
  const clientTurns = (): Turn[] => turns.filter((turn) => turn.role === "client");

  it("marks them reviewed with no code when asked: the choice is stored, the layer says so, and n grows", async () => {
    const id = await exercise("open");
    const half = clientTurns().slice(0, Math.floor(clientTurns().length / 2));
    await writeLayer(id, world.supervisor.id, clientTurns());
    await writeLayer(id, world.trainee.id, half);
    const before = await storeRun(id);
    expect(before.variables["self.inflexible"]!.n_pairable_units).toBe(half.length);

    const outcome = await submitAs(t.db, trainee, id, { unreviewed: "reviewed" });
    const left = clientTurns().length - half.length;
    expect(outcome).toMatchObject({ submitted: true, unreviewed: { count: left, choice: "reviewed" } });
    const coder = (await getExercise(t.db, id))!.coders.find((c) => c.id === world.trainee.id)!;
    expect(coder).toMatchObject({ submitted: true, unreviewed: { choice: "reviewed", count: left } });
    const { doc } = await loadRoomDoc(t.db, roomName({ kind: "layer", exerciseId: id, coderId: world.trainee.id }));
    expect(readLayer(doc).reviewed).toEqual(expect.arrayContaining(clientTurns().map((turn) => turn.id)));
    doc.destroy();

    const after = await storeRun(id);
    expect(after.variables["self.inflexible"]!.n_pairable_units).toBe(clientTurns().length);
    const view = await readAgreement(t.db, supervisor, id);
    expect(view.coders.find((c) => c.id === world.trainee.id)?.unreviewed).toEqual({ choice: "reviewed", count: left });
  });

  it("leaves them missing when asked: the choice is stored and n stays the turns both looked at", async () => {
    const id = await exercise("open");
    const half = clientTurns().slice(0, Math.floor(clientTurns().length / 2));
    await writeLayer(id, world.supervisor.id, clientTurns());
    await writeLayer(id, world.trainee.id, half);
    const outcome = await submitAs(t.db, trainee, id, { unreviewed: "missing" });
    expect(outcome.unreviewed).toEqual({ count: clientTurns().length - half.length, choice: "missing" });
    const after = await storeRun(id);
    expect(after.variables["self.inflexible"]!.n_pairable_units).toBe(half.length);
    expect((await getExercise(t.db, id))!.coders.find((c) => c.id === world.trainee.id)?.unreviewed).toEqual({ choice: "missing", count: clientTurns().length - half.length });
  });

  it("stores no choice when every client turn was looked at (therapist turns are not asked about)", async () => {
    const id = await exercise("open");
    await writeLayer(id, world.trainee.id, clientTurns());
    const outcome = await submitAs(t.db, trainee, id, {});
    expect(outcome.unreviewed.count).toBe(0);
    expect((await getExercise(t.db, id))!.coders.find((c) => c.id === world.trainee.id)?.unreviewed).toBeNull();
  });
});

describe("reveal and hidden agreement", () => {
  it("refuses to reveal an open exercise with 409 and leaves it coding", async () => {
    const id = await exercise("open");
    const error = await refusal(revealAs(t.db, instructor, id));
    expect(error.status).toBe(409);
    expect(error.publicMessage).toBe(OPEN_REVEAL_MESSAGE);
    expect((await getExercise(t.db, id))!.state).toBe("coding");
  });

  it("answers a blind coder before reveal with the same status and body on the agreement API and every export format, then serves all after reveal", async () => {
    const id = await exercise("blind");
    await writeLayer(id, world.supervisor.id, turns);
    await writeLayer(id, world.trainee.id, turns);
    await storeRun(id);
    // The run exists (the instructor, who does not code, sees it); the coder must not be able to tell.
    expect((await readAgreement(t.db, instructor, id)).runId).toBeTruthy();
    const hidden = await answer(() => readAgreement(t.db, trainee, id));
    expect(hidden.status).toBe(404);
    // Every format the export route accepts, read from its own schema: a format added later is covered.
    expect(EXPORT_FORMATS.length).toBeGreaterThanOrEqual(6);
    for (const format of EXPORT_FORMATS) {
      expect({ format, ...(await answer(() => exportAs(trainee, id, format))) }).toEqual({ format, ...hidden });
    }
    // A supervisor who codes in the exercise is a blind coder too.
    expect(await answer(() => exportAs(supervisor, id, "csv"))).toEqual(hidden);
    // A blind exercise with no run at all answers exactly the same.
    const empty = await exercise("blind");
    expect(await answer(() => exportAs(instructor, empty, "agreement-json"))).toEqual(hidden);

    await revealAs(t.db, instructor, id);
    expect((await answer(() => readAgreement(t.db, trainee, id))).status).toBe(200);
    for (const format of EXPORT_FORMATS) expect({ format, status: (await answer(() => exportAs(trainee, id, format))).status }).toEqual({ format, status: 200 });
    const csv = Buffer.from((await buildExport(t.db, trainee, id, "agreement-csv")).body).toString("utf8");
    expect(csv).toContain("unit_definition");
    expect(csv).toMatch(/Units are the \d+ client turns/);
  });
});
