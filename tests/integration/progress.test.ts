import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { transcriptRoom } from "../../lib/collab/roomName";
import { type AgreementSettings, agreementView, insertAgreementRun, latestAgreementRun } from "../../lib/db/queries/agreement";
import { createExercise } from "../../lib/db/queries/exercises";
import { cohortProgress, progressScopeFor } from "../../lib/db/queries/progress";
import { addMembership, createUser, loadSubject } from "../../lib/db/queries/users";
import { type RoomLog, readRoomLog } from "../../lib/db/queries/yjsLog";
import { exercises } from "../../lib/db/schema";
import { anchorSpan } from "../../lib/domain/anchoring";
import type { Dimension, Polarity } from "../../lib/domain/codebook";
import { traineeCurves } from "../../lib/domain/learningCurve";
import { putCode, setReviewed } from "../../lib/domain/layerDoc";
import { readTurns } from "../../lib/domain/transcriptDoc";
import { computePrepared, prepareAgreement } from "../../server/jobs/agreementCompute";
import { type TestUser, type TestWorld, seedTestWorld } from "../support/seedTestWorld";
import { type TestDb, createTestDb } from "../support/testDb";

/**
 * The progress query over runs made the way the server makes them: synthetic layers through the real
 * computation (server/jobs/agreementCompute) and stored with the server's insert (insertAgreementRun).
 */

const SETTINGS: AgreementSettings = { bootstrap: { replicates: 100, seed: 1 }, pairCiMaxCoders: 3, keyCiKinds: ["dimension", "pooled"], pairDetailMaxCoders: 10 };

let t: TestDb;
let world: TestWorld;
let second: TestUser;
let idle: TestUser;
let txDoc: Y.Doc;
let txLog: RoomLog;
let turnIds: string[];

type Coding = (turn: number) => Array<[Dimension, Polarity]>;

/** The key: every turn gets one code, cycling through four dimensions and both poles. */
const KEY_DIMENSIONS = ["self", "cognition", "emotion", "overt_behavior"] as const;
const KEY: Coding = (i) => [[KEY_DIMENSIONS[i % 4] ?? "self", i % 3 === 0 ? "flexible" : "inflexible"]];
/** The key's coding with the code of every `every`-th turn (from `offset`) replaced by motivation·I. */
const withErrors =
  (every: number, offset = 0): Coding =>
  (i) =>
    i % every === offset ? [["motivation", "inflexible"]] : KEY(i);

function layer(coding: Coding | "idle"): Y.Doc {
  const doc = new Y.Doc();
  if (coding === "idle") return doc;
  setReviewed(doc, turnIds, true);
  turnIds.forEach((turnId, i) => {
    for (const [dimension, polarity] of coding(i)) putCode(doc, `${turnId}-${dimension}-${polarity}`, { ...anchorSpan(txDoc, turnId, 0, 4), dimension, polarity, at: i });
  });
  return doc;
}

async function storeRun(exerciseId: string, keyCoderId: string, layers: Record<string, Coding | "idle">, computedAt: Date): Promise<void> {
  const logs: Record<string, RoomLog> = {};
  for (const [coderId, coding] of Object.entries(layers)) {
    const doc = layer(coding);
    logs[coderId] = { snapshot: Y.encodeStateAsUpdate(doc), updates: [] };
    doc.destroy();
  }
  const prepared = prepareAgreement({ coderIds: Object.keys(layers), keyCoderId, unitScope: "all_turns", transcript: txLog, layers: logs }, SETTINGS);
  const { output, rows } = computePrepared(prepared);
  await insertAgreementRun(t.db, { exerciseId, fingerprint: prepared.fingerprint, trigger: "reveal", computedAt, durationMs: 1, outputJson: JSON.stringify(output), rows });
}

async function keyedExercise(
  title: string,
  opts: { mode?: "blind" | "open"; state?: "coding" | "revealed" | "closed"; day: number; coders: TestUser[]; key?: TestUser },
): Promise<string> {
  const key = opts.key ?? world.supervisor;
  const id = await createExercise(t.db, {
    cohortId: world.cohortId,
    transcriptId: world.transcriptId,
    title,
    mode: opts.mode ?? "blind",
    revealRule: "instructor",
    coderIds: [key.id, ...opts.coders.map((c) => c.id)],
    keyCoderId: key.id,
    codersSettle: false,
    codebookId: null,
    codebookVersion: 1,
    createdBy: world.instructor.id,
  });
  const state = opts.state ?? "revealed";
  const setAt = new Date(Date.UTC(2026, 1, opts.day, 9));
  await t.db
    .update(exercises)
    .set({ state, createdAt: setAt, revealedAt: state === "coding" ? null : new Date(setAt.getTime() + 86_400_000) })
    .where(eq(exercises.id, id));
  return id;
}

const day = (d: number, hour = 12): Date => new Date(Date.UTC(2026, 1, d, hour));

const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  const passwordHash = "unused";
  second = { id: await createUser(t.db, { email: `second-${world.cohortId}@coflex.test`, name: "Aa Second trainee", passwordHash }), name: "Aa Second trainee", email: "" };
  idle = { id: await createUser(t.db, { email: `idle-${world.cohortId}@coflex.test`, name: "Zz Idle trainee", passwordHash }), name: "Zz Idle trainee", email: "" };
  await addMembership(t.db, world.cohortId, second.id, "trainee");
  await addMembership(t.db, world.cohortId, idle.id, "trainee");

  txLog = await readRoomLog(t.db, transcriptRoom(world.transcriptId));
  txDoc = new Y.Doc({ gc: false });
  if (txLog.snapshot) Y.applyUpdate(txDoc, txLog.snapshot);
  for (const row of txLog.updates) Y.applyUpdate(txDoc, row.update);
  turnIds = readTurns(txDoc).map((turn) => turn.id);

  const trainee = world.trainee;
  // Created out of time order on purpose: the curve follows when an exercise was set, not insertion order.
  ids.third = await keyedExercise("Week 3", { day: 15, coders: [trainee, second], state: "closed" });
  ids.first = await keyedExercise("Week 1", { day: 1, coders: [trainee, second, idle] });
  ids.second = await keyedExercise("Week 2", { day: 8, coders: [trainee, second] });
  ids.coding = await keyedExercise("Week 4 (still coding)", { day: 22, coders: [trainee, second], state: "coding" });
  ids.open = await keyedExercise("Open practice", { day: 3, coders: [trainee], mode: "open" });
  ids.keyIdle = await keyedExercise("Key never coded", { day: 10, coders: [trainee] });
  ids.secondOnly = await keyedExercise("Retest (second trainee only)", { day: 20, coders: [second] });

  const key = world.supervisor.id;
  // The trainee improves: many errors, fewer, none. The second trainee starts perfect and drifts.
  await storeRun(ids.first, key, { [key]: KEY, [trainee.id]: withErrors(2), [second.id]: KEY, [idle.id]: "idle" }, day(2));
  // An older run of week 2 (before the trainee fixed their codes): the latest run must win.
  await storeRun(ids.second, key, { [key]: KEY, [trainee.id]: withErrors(2, 1), [second.id]: KEY }, day(9, 10));
  await storeRun(ids.second, key, { [key]: KEY, [trainee.id]: withErrors(6), [second.id]: KEY }, day(9, 14));
  await storeRun(ids.third, key, { [key]: KEY, [trainee.id]: KEY, [second.id]: withErrors(2) }, day(16));
  await storeRun(ids.coding, key, { [key]: KEY, [trainee.id]: KEY, [second.id]: KEY }, day(23));
  await storeRun(ids.open, key, { [key]: KEY, [trainee.id]: KEY }, day(4));
  await storeRun(ids.keyIdle, key, { [key]: "idle", [trainee.id]: KEY }, day(11));
  await storeRun(ids.secondOnly, key, { [key]: KEY, [second.id]: withErrors(3) }, day(21));
});

afterAll(async () => {
  txDoc?.destroy();
  await t?.close();
});

describe("cohort progress against the key", () => {
  it("lists the keyed, revealed or closed blind exercises in the order they were set, and counts the ones left off", async () => {
    const progress = await cohortProgress(t.db, world.cohortId, { kind: "cohort" });
    expect(progress.scope).toBe("cohort");
    expect(progress.exercises.map((e) => [e.position, e.title, e.state])).toEqual([
      [1, "Week 1", "revealed"],
      [2, "Week 2", "revealed"],
      [3, "Week 3", "closed"],
      [4, "Retest (second trainee only)", "revealed"],
    ]);
    expect(progress.exercises[0]).toMatchObject({ keyCoderName: world.supervisor.name, nTurns: turnIds.length });
    expect(progress.excluded).toEqual({ stillCoding: 1, openMode: 1, noKeyData: 1 });
  });

  it("gives each trainee the numbers of their pair with the key from the exercise's latest run, with CIs", async () => {
    const progress = await cohortProgress(t.db, world.cohortId, { kind: "cohort" });
    expect(progress.trainees.map((tr) => tr.name)).toEqual([second.name, world.trainee.name, idle.name]);
    const mine = progress.trainees.find((tr) => tr.id === world.trainee.id)!;
    expect(mine.entries.map((e) => e.exerciseId)).toEqual([ids.first, ids.second, ids.third]);

    for (const entry of mine.entries) {
      const run = await latestAgreementRun(t.db, entry.exerciseId);
      const vsKey = agreementView(run!, []).vsKey.find((k) => k.coder === world.trainee.id)!;
      expect(entry.compared).toBe(true);
      if (!entry.compared) continue;
      for (const [statistic, key] of [
        ["kappa", "cohen_kappa"],
        ["alpha", "krippendorff_alpha"],
      ] as const) {
        for (const variable of ["pooled", "self", "cognition"] as const) {
          const stored = vsKey.variables[variable]!;
          const reading = entry.readings[statistic]![variable]!;
          expect(reading.value).toBeCloseTo(stored[key]!, 12);
          expect(reading.ci).toEqual(stored.ci![key]);
          expect(reading.nUnits).toBe(stored.n_pairable_units);
        }
      }
    }
    const curves = traineeCurves(progress.exercises, mine, { statistic: "kappa", criterion: 0.7, rule: "pooled" });
    const values = curves.pooled.map((p) => p.value!);
    expect(values[0]).toBeLessThan(values[1]!);
    expect(values[2]).toBe(1);
    expect(curves.outcome).toMatchObject({ status: "reached", reachedAt: 2 });
    expect(curves.pooled[2]!.ci).not.toBeNull();
  });

  it("shows the second trainee's drift and marks an assigned trainee who never coded as not compared", async () => {
    const progress = await cohortProgress(t.db, world.cohortId, { kind: "cohort" });
    const drifting = progress.trainees.find((tr) => tr.id === second.id)!;
    const curves = traineeCurves(progress.exercises, drifting, { statistic: "kappa", criterion: 0.7, rule: "pooled" });
    expect(curves.pooled.map((p) => p.value! >= 0.7)).toEqual([true, true, false, false]);
    expect(curves.outcome).toMatchObject({ status: "drift", firstMetAt: 1, driftAt: 4, dips: [3, 4] });

    const absent = progress.trainees.find((tr) => tr.id === idle.id)!;
    expect(absent.entries).toEqual([{ exerciseId: ids.first, compared: false }]);
  });

  it("gives a trainee only their own curve; staff the cohort; strangers nothing", async () => {
    const traineeScope = progressScopeFor(await loadSubject(t.db, world.trainee.id), world.cohortId);
    expect(traineeScope).toEqual({ kind: "self", userId: world.trainee.id });
    const own = await cohortProgress(t.db, world.cohortId, traineeScope!);
    expect(own.scope).toBe("self");
    expect(own.trainees.map((tr) => tr.id)).toEqual([world.trainee.id]);
    // Not even the title of an exercise the trainee does not code in.
    expect(own.exercises.map((e) => e.title)).toEqual(["Week 1", "Week 2", "Week 3"]);

    expect(progressScopeFor(await loadSubject(t.db, world.supervisor.id), world.cohortId)).toEqual({ kind: "cohort" });
    expect(progressScopeFor(await loadSubject(t.db, world.instructor.id), world.cohortId)).toEqual({ kind: "cohort" });
    expect(progressScopeFor(await loadSubject(t.db, world.outsider.id), world.cohortId)).toBeNull();
  });

  it("returns an empty sequence for a cohort without keyed exercises", async () => {
    const progress = await cohortProgress(t.db, world.otherCohortId, { kind: "cohort" });
    expect(progress.exercises).toEqual([]);
    expect(progress.excluded).toEqual({ stillCoding: 0, openMode: 0, noKeyData: 0 });
  });
});
