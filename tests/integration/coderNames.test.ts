import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { CurrentUser } from "../../lib/auth/currentUser";
import { exerciseFor } from "../../lib/auth/exerciseAccess";
import { roomName, transcriptRoom } from "../../lib/collab/roomName";
import { DEFAULT_AGREEMENT_SETTINGS, insertAgreementRun } from "../../lib/db/queries/agreement";
import { createExercise, getExercise, revealExercise } from "../../lib/db/queries/exercises";
import { addMembership, createUser, loadSubject } from "../../lib/db/queries/users";
import { appendUpdate, loadRoomDoc, readRoomLog, type RoomLog } from "../../lib/db/queries/yjsLog";
import { anchorTurn } from "../../lib/domain/anchoring";
import { putCode, setReviewed } from "../../lib/domain/layerDoc";
import { readTurns, type Turn } from "../../lib/domain/transcriptDoc";
import { readAgreement } from "../../lib/exercise/exerciseDecisions";
import { buildExport } from "../../lib/export/buildExport";
import { EXPORT_FORMATS } from "../../lib/export/types";
import { readGroupReview } from "../../lib/review/groupReviewData";
import { updateExerciseSettings } from "../../lib/review/namesSetting";
import { computePrepared, prepareAgreement } from "../../server/jobs/agreementCompute";
import { seedTestWorld, type TestWorld } from "../support/seedTestWorld";
import { createTestDb, type TestDb } from "../support/testDb";

/**
 * Issue 9: "other trainees' names appear only if the exercise allows it" — on every channel a trainee can
 * reach after the reveal: the exercise API, the agreement API (and so the agreement page, which reads the
 * same exercise), the group review / "me vs key" data and every export format. A trainee sees their own
 * name, the key's and staff coders'; other trainees are "Trainee 1", "Trainee 2", … until staff switch
 * names on. Every text is searched for the other trainees' real names, zip entries inflated.
 */

let t: TestDb;
let world: TestWorld;
let exerciseId: string;
let turns: Turn[];
let me: CurrentUser;
let key: CurrentUser;
let instructor: CurrentUser;
const classmates: CurrentUser[] = [];

async function asUser(user: { id: string; name: string; email: string }): Promise<CurrentUser> {
  return { ...user, subject: await loadSubject(t.db, user.id) };
}

async function writeLayer(coderId: string, turnIndex: number): Promise<void> {
  const { doc: txDoc } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
  const layer = new Y.Doc();
  const clientTurns = turns.filter((x) => x.role === "client");
  putCode(layer, `code-${coderId}`, { ...anchorTurn(txDoc, clientTurns[turnIndex]!.id)!, dimension: "self", polarity: "inflexible", note: "a note", at: 1 });
  setReviewed(
    layer,
    clientTurns.slice(0, 4).map((x) => x.id),
    true,
  );
  await appendUpdate(t.db, roomName({ kind: "layer", exerciseId, coderId }), Y.encodeStateAsUpdate(layer));
  layer.destroy();
  txDoc.destroy();
}

/** Every text a channel gives this viewer: the exercise, the agreement, the review data and each export (zips inflated). */
async function everythingSeenBy(viewer: CurrentUser): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  seen.exercise = JSON.stringify((await exerciseFor(t.db, viewer, exerciseId)).exercise);
  seen.agreement = JSON.stringify(await readAgreement(t.db, viewer, exerciseId));
  seen.review = JSON.stringify(await readGroupReview(t.db, viewer, exerciseId));
  for (const format of EXPORT_FORMATS) {
    const file = await buildExport(t.db, viewer, exerciseId, format, format === "matrix" ? { variable: "self" } : {});
    let text = Buffer.from(file.body).toString("utf8");
    if (file.contentType === "application/zip") {
      const zip = await JSZip.loadAsync(file.body);
      for (const entry of Object.values(zip.files)) if (!entry.dir) text += await entry.async("string");
    }
    seen[`export:${format}`] = text;
  }
  return seen;
}

function channelsNaming(seen: Record<string, string>, name: string): string[] {
  return Object.entries(seen)
    .filter(([, text]) => text.includes(name))
    .map(([channel]) => channel);
}

beforeAll(async () => {
  t = await createTestDb();
  world = await seedTestWorld(t.db);
  const { doc } = await loadRoomDoc(t.db, transcriptRoom(world.transcriptId));
  turns = readTurns(doc);
  doc.destroy();
  me = await asUser(world.trainee);
  key = await asUser(world.supervisor);
  instructor = await asUser(world.instructor);
  for (const name of ["Quentin Ashworth-Vale", "Rosalind Pemberton-Okoye"]) {
    const email = `${name.split(" ")[0]!.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@coflex.test`;
    const id = await createUser(t.db, { name, email, passwordHash: "x" });
    await addMembership(t.db, world.cohortId, id, "trainee");
    classmates.push(await asUser({ id, name, email }));
  }
  exerciseId = await createExercise(t.db, {
    cohortId: world.cohortId,
    transcriptId: world.transcriptId,
    title: "Names check",
    mode: "blind",
    revealRule: "instructor",
    coderIds: [key.id, me.id, ...classmates.map((c) => c.id)],
    keyCoderId: key.id,
    codersSettle: false,
    codebookId: null,
    codebookVersion: 1,
    createdBy: world.instructor.id,
  });
  for (const [i, coder] of [key, me, ...classmates].entries()) await writeLayer(coder.id, i % 3);
  await revealExercise(t.db, exerciseId);
  const ex = (await getExercise(t.db, exerciseId))!;
  const layers: Record<string, RoomLog> = {};
  for (const c of ex.coders) layers[c.id] = await readRoomLog(t.db, roomName({ kind: "layer", exerciseId, coderId: c.id }));
  const prepared = prepareAgreement(
    { coderIds: ex.coders.map((c) => c.id), keyCoderId: key.id, unitScope: ex.unitScope, transcript: await readRoomLog(t.db, transcriptRoom(ex.transcriptId)), layers },
    { ...DEFAULT_AGREEMENT_SETTINGS, bootstrap: { replicates: 20, seed: 1 } },
  );
  const { output, rows } = computePrepared(prepared);
  await insertAgreementRun(t.db, { exerciseId, fingerprint: prepared.fingerprint, trigger: "reveal", durationMs: 1, outputJson: JSON.stringify(output), rows });
});

afterAll(async () => {
  await t?.close();
});

describe("other trainees' names after the reveal", () => {
  it("reach a trainee on no channel while the exercise keeps them hidden: they read Trainee 1 and Trainee 2", async () => {
    const seen = await everythingSeenBy(me);
    for (const classmate of classmates) {
      expect({ classmate: classmate.name, channels: channelsNaming(seen, classmate.name) }).toEqual({ classmate: classmate.name, channels: [] });
      // Not the family name alone either (a CSV cell or a QDPX attribute could split a name).
      expect(channelsNaming(seen, classmate.name.split(" ")[1]!)).toEqual([]);
    }
    const coders = (await exerciseFor(t.db, me, exerciseId)).exercise.coders;
    expect(coders.map((c) => c.name).sort()).toEqual([key.name, me.name, "Trainee 1", "Trainee 2"].sort());
    // The codes are still there, under the pseudonyms: the CSV has a row per coder.
    expect(seen["export:csv"]).toContain("Trainee 1");
    expect(seen["export:agreement-csv"]).toContain("Trainee 2");
    // Their own name and the key's stay.
    expect(channelsNaming(seen, me.name)).toEqual(expect.arrayContaining(["exercise", "agreement", "export:csv", "export:json", "export:agreement-csv"]));
    expect(channelsNaming(seen, key.name)).toEqual(expect.arrayContaining(["exercise", "agreement", "review", "export:csv"]));
  });

  it("reach every channel once staff let trainees see names, and staff always", async () => {
    const staffSees = await everythingSeenBy(instructor);
    for (const classmate of classmates) expect(channelsNaming(staffSees, classmate.name)).toEqual(expect.arrayContaining(["exercise", "agreement", "export:csv", "export:json", "export:qdpx", "export:agreement-csv"]));
    await updateExerciseSettings(t.db, instructor, exerciseId, { coderNamesVisible: true });
    const seen = await everythingSeenBy(me);
    for (const classmate of classmates) expect(channelsNaming(seen, classmate.name)).toEqual(expect.arrayContaining(["exercise", "agreement", "review", "export:csv", "export:json", "export:qdpx", "export:agreement-csv", "export:agreement-json"]));
    await updateExerciseSettings(t.db, instructor, exerciseId, { coderNamesVisible: false });
  });
});
