import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CurrentUser } from "../../lib/auth/currentUser";
import { transcriptRoom } from "../../lib/collab/roomName";
import { keyRows } from "../../lib/agreement/runSchema";
import { DEFAULT_AGREEMENT_SETTINGS, insertAgreementRun, latestAgreementRun } from "../../lib/db/queries/agreement";
import { headlineSettingForExercise } from "../../lib/db/queries/cohortHeadline";
import { listCohortAudit } from "../../lib/db/queries/auditRead";
import { createExercise, revealExercise, setCoderNamesVisible } from "../../lib/db/queries/exercises";
import { addMembership, createUser, loadSubject } from "../../lib/db/queries/users";
import { type RoomLog, appendUpdate, readRoomLog, loadRoomDoc } from "../../lib/db/queries/yjsLog";
import { anchorTurn } from "../../lib/domain/anchoring";
import type { Dimension, Polarity } from "../../lib/domain/codebook";
import { codeSetMask, fadCode } from "../../lib/domain/fadDistance";
import { traineeHeadline } from "../../lib/domain/headline";
import { putCode, setReviewed } from "../../lib/domain/layerDoc";
import { type Turn, readTurns } from "../../lib/domain/transcriptDoc";
import { AppError } from "../../lib/errors";
import { GROUP_REVIEW_NOT_AVAILABLE, readGroupReview } from "../../lib/review/groupReviewData";
import { updateExerciseSettings } from "../../lib/review/namesSetting";
import { computePrepared, prepareAgreement } from "../../server/jobs/agreementCompute";
import { type TestWorld, seedTestWorld } from "../support/seedTestWorld";
import { type TestDb, createTestDb } from "../support/testDb";

/**
 * The group-review data (GET /api/exercises/:id/group-review's core) against a real database, with the
 * run made by the real computation (server/jobs/agreementCompute) from layers written as the
 * collaboration server writes them: who may read it and when, whose names it carries, what it counts,
 * and that it stays small for a class of 100.
 */

let t: TestDb;
let world: TestWorld;
let turns: Turn[];
let exerciseId: string;
let key: CurrentUser;
let instructor: CurrentUser;
let outsider: CurrentUser;
const trainees: CurrentUser[] = [];

async function asUser(user: { id: string; name: string; email: string }): Promise<CurrentUser> {
  return { ...user, subject: await loadSubject(t.db, user.id) };
}

type Coding = Array<[turn: number, dimension: Dimension, polarity: Polarity]>;

async function writeLayer(exercise: string, coderId: string, coding: Coding, reviewedTurns: number): Promise<void> {
  const { doc: txDoc } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
  const layer = new Y.Doc();
  coding.forEach(([turn, dimension, polarity], i) => {
    const anchor = anchorTurn(txDoc, turns[turn]!.id);
    if (!anchor) throw new Error("no such turn");
    putCode(layer, `c${i}`, { ...anchor, dimension, polarity, at: i });
  });
  setReviewed(
    layer,
    turns.slice(0, reviewedTurns).map((x) => x.id),
    true,
  );
  await appendUpdate(t.db, `layer:${exercise}:${coderId}`, Y.encodeStateAsUpdate(layer));
  layer.destroy();
  txDoc.destroy();
}

/** Stores a run the way the scheduler does: logs → prepareAgreement → computePrepared → insertAgreementRun. */
async function storeRun(exercise: string, coderIds: string[], keyCoderId: string | null): Promise<void> {
  const layers: Record<string, RoomLog> = {};
  for (const id of coderIds) layers[id] = await readRoomLog(t.db, `layer:${exercise}:${id}`);
  const transcript = await readRoomLog(t.db, transcriptRoom(world.transcriptId));
  const settings = { ...DEFAULT_AGREEMENT_SETTINGS, bootstrap: { replicates: 50, seed: 1 } };
  const prepared = prepareAgreement({ coderIds, keyCoderId, unitScope: "client_turns", transcript, layers }, settings);
  const { output, rows } = computePrepared(prepared);
  await insertAgreementRun(t.db, { exerciseId: exercise, fingerprint: prepared.fingerprint, trigger: "rights", durationMs: 1, outputJson: JSON.stringify(output), rows });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const TRAINEE_CODING: Coding[] = [
  [[1, "cognition", "inflexible"]],
  [[1, "cognition", "inflexible"]],
  [[1, "cognition", "flexible"]],
  [[1, "overt_behavior", "inflexible"]],
];

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  const { doc } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
  turns = readTurns(doc);
  doc.destroy();
  key = await asUser(world.supervisor);
  instructor = await asUser(world.instructor);
  outsider = await asUser(world.outsider);
  trainees.push(await asUser(world.trainee));
  for (let i = 2; i <= 4; i++) {
    const tag = Math.random().toString(36).slice(2, 8);
    const u = { name: `Trainee ${i} ${tag}`, email: `t${i}-${tag}@coflex.test` };
    const id = await createUser(t.db, { ...u, passwordHash: "x" });
    await addMembership(t.db, world.cohortId, id, "trainee");
    trainees.push(await asUser({ id, ...u }));
  }
  exerciseId = await createExercise(t.db, {
    cohortId: world.cohortId,
    transcriptId: world.transcriptId,
    title: "Group review check",
    mode: "blind",
    revealRule: "instructor",
    coderIds: [key.id, ...trainees.map((x) => x.id)],
    keyCoderId: key.id,
    codersSettle: false,
    codebookId: null,
    codebookVersion: 1,
    createdBy: world.instructor.id,
  });
  await writeLayer(exerciseId, key.id, [[1, "cognition", "inflexible"]], 4);
  for (const [i, trainee] of trainees.entries()) await writeLayer(exerciseId, trainee.id, TRAINEE_CODING[i]!, 4);
  await storeRun(
    exerciseId,
    [key.id, ...trainees.map((x) => x.id)],
    key.id,
  );
});

afterAll(async () => {
  await t?.close();
});

describe("group review data before the reveal", () => {
  it("is refused to a blind coder with the agreement API's own 404 and message, and the refusal is audited", async () => {
    const error = await refusal(readGroupReview(t.db, trainees[0]!, exerciseId));
    expect(error.kind).toBe("not_found");
    expect(error.status).toBe(404);
    expect(error.publicMessage).toBe(GROUP_REVIEW_NOT_AVAILABLE);
    const audit = await listCohortAudit(t.db, world.cohortId, { limit: 5 });
    expect(audit.some((row) => row.action === "exercise.group_review_read" && row.outcome === "denied" && row.userName === trainees[0]!.name)).toBe(true);
  });

  it("is refused to the key coder too while they code blind", async () => {
    expect((await refusal(readGroupReview(t.db, key, exerciseId))).status).toBe(404);
  });

  it("is the exercise's own 404 for someone outside the cohort", async () => {
    const error = await refusal(readGroupReview(t.db, outsider, exerciseId));
    expect(error.status).toBe(404);
    expect(error.publicMessage).not.toBe(GROUP_REVIEW_NOT_AVAILABLE);
  });

  it("is open to a non-coding instructor, who may watch a blind exercise as the agreement API allows", async () => {
    const payload = await readGroupReview(t.db, instructor, exerciseId);
    expect(payload.cohort).toHaveLength(4);
  });
});

describe("group review data after the reveal", () => {
  beforeAll(async () => {
    await revealExercise(t.db, exerciseId);
  });

  it("counts each code per turn over the trainees, keeps the key apart, and names who gave what for staff", async () => {
    const payload = await readGroupReview(t.db, instructor, exerciseId);
    expect(payload.key).toEqual({ id: key.id, name: key.name });
    expect(payload.cohort.map((c) => c.id).sort()).toEqual(trainees.map((x) => x.id).sort());
    expect(payload.cohort.every((c) => c.name !== null)).toBe(true);
    const turn = payload.turns.find((x) => x.turnId === turns[1]!.id)!;
    expect(turn.looked).toBe(4);
    expect(turn.counts[3]).toBe(2); // cognition.inflexible
    expect(turn.counts[2]).toBe(1); // cognition.flexible
    expect(turn.counts[11]).toBe(1); // overt_behavior.inflexible
    expect(turn.key).toBe(codeSetMask([fadCode("cognition", "inflexible")]));
    expect(turn.matchKey).toBe(2);
    expect(turn.disagreement).toBeGreaterThan(0.5);
    const cogI = turn.coders![3]!.map((i) => payload.cohort[i]!.id).sort();
    expect(cogI).toEqual([trainees[0]!.id, trainees[1]!.id].sort());
    expect(turn.text).toBe(turns[1]!.text);
    // Turns nobody coded, but everyone looked at, carry no disagreement.
    expect(payload.turns.find((x) => x.turnId === turns[0]!.id)?.disagreement ?? 0).toBe(0);
    // Staff do not code here: no "your agreement with the key" (and no pair is read for it).
    expect(payload.viewerHeadline).toBeNull();
  });

  it("gives a trainee counts, their own codes and the key, but no other trainee's name or who-gave-what", async () => {
    const me = trainees[2]!;
    const payload = await readGroupReview(t.db, me, exerciseId);
    expect(payload.namesVisible).toBe(false);
    expect(payload.cohort.filter((c) => c.name !== null).map((c) => c.id)).toEqual([me.id]);
    const turn = payload.turns.find((x) => x.turnId === turns[1]!.id)!;
    expect(turn.coders).toBeUndefined();
    expect(turn.me).toBe(codeSetMask([fadCode("cognition", "flexible")]));
    // "Your agreement with the key" is read from the trainee's own pair with the key.
    const own = keyRows((await latestAgreementRun(t.db, exerciseId))!.output).find((row) => row.coder === me.id)!;
    expect(payload.viewerHeadline).toEqual(traineeHeadline(await headlineSettingForExercise(t.db, exerciseId), own.variables));
    expect(payload.viewerHeadline).not.toBeNull();
    const body = JSON.stringify(payload);
    for (const other of trainees.filter((x) => x.id !== me.id)) expect(body).not.toContain(other.name);
  });

  it("names the other trainees to a trainee once staff allow it, and only staff may allow it", async () => {
    expect((await refusal(updateExerciseSettings(t.db, trainees[2]!, exerciseId, { coderNamesVisible: true }))).status).toBe(403);
    expect((await refusal(updateExerciseSettings(t.db, outsider, exerciseId, { coderNamesVisible: true }))).status).toBe(404);
    expect((await readGroupReview(t.db, trainees[2]!, exerciseId)).namesVisible).toBe(false);
    await updateExerciseSettings(t.db, instructor, exerciseId, { coderNamesVisible: true });
    const payload = await readGroupReview(t.db, trainees[2]!, exerciseId);
    expect(payload.namesVisible).toBe(true);
    expect(payload.cohort.every((c) => c.name !== null)).toBe(true);
    expect(payload.turns.find((x) => x.turnId === turns[1]!.id)?.coders).toBeDefined();
    await setCoderNamesVisible(t.db, exerciseId, false);
  });

  it("audits every answered read once", async () => {
    const before = (await listCohortAudit(t.db, world.cohortId, { limit: 200 })).filter((r) => r.action === "exercise.group_review_read" && r.outcome === "ok").length;
    await readGroupReview(t.db, trainees[1]!, exerciseId);
    const after = (await listCohortAudit(t.db, world.cohortId, { limit: 200 })).filter((r) => r.action === "exercise.group_review_read" && r.outcome === "ok").length;
    expect(after).toBe(before + 1);
  });

  it("is not available from a run stored before unit data existed", async () => {
    const old = await createExercise(t.db, {
      cohortId: world.cohortId,
      transcriptId: world.transcriptId,
      title: "old run",
      mode: "open",
      revealRule: "instructor",
      coderIds: [key.id, trainees[0]!.id],
      keyCoderId: key.id,
      codersSettle: false,
      codebookId: null,
      codebookVersion: 1,
      createdBy: world.instructor.id,
    });
    await insertAgreementRun(t.db, { exerciseId: old, fingerprint: "engine-1", trigger: "rights", durationMs: 1, outputJson: JSON.stringify({ engine: 1, coders: [], variables: {} }), rows: [] });
    expect((await refusal(readGroupReview(t.db, instructor, old))).publicMessage).toBe(GROUP_REVIEW_NOT_AVAILABLE);
  });
});

describe("group review data for a class of 100", () => {
  it("stays well under 300 KB with every name and who-gave-what", async () => {
    const ids: string[] = [];
    const tag = Math.random().toString(36).slice(2, 8);
    for (let i = 0; i < 100; i++) {
      const id = await createUser(t.db, { name: `Class member ${i} ${tag}`, email: `c${i}-${tag}@coflex.test`, passwordHash: "x" });
      await addMembership(t.db, world.cohortId, id, "trainee");
      ids.push(id);
    }
    const big = await createExercise(t.db, {
      cohortId: world.cohortId,
      transcriptId: world.transcriptId,
      title: "class of 100",
      mode: "blind",
      revealRule: "instructor",
      coderIds: [key.id, ...ids],
      keyCoderId: key.id,
      codersSettle: false,
      codebookId: null,
      codebookVersion: 1,
      createdBy: world.instructor.id,
    });
    await revealExercise(t.db, big);
    // Unit data as the engine stores it: every coder gives one or two codes on every turn.
    const units = turns.map((x) => x.id);
    const masks: Record<string, number[]> = {};
    for (const [c, id] of [key.id, ...ids].entries()) masks[id] = units.map((_, u) => (1 << ((c + u) % 12)) | (u % 3 === 0 ? 1 << ((c * 7 + u) % 12) : 0));
    await insertAgreementRun(t.db, { exerciseId: big, fingerprint: "class", trigger: "rights", durationMs: 1, outputJson: JSON.stringify({ engine: 2, unitMasks: { units, masks } }), rows: [] });
    const payload = await readGroupReview(t.db, instructor, big);
    expect(payload.cohort).toHaveLength(100);
    const bytes = Buffer.byteLength(JSON.stringify(payload));
    expect(bytes).toBeLessThan(300_000);
    // Per code, who gave it adds up to the count.
    expect(payload.turns[0]!.coders!.map((l) => l.length)).toEqual(payload.turns[0]!.counts);
  });
});
