import * as Y from "yjs";
import { liveAgreementProvider } from "../collab/liveAgreementBus";
import { z } from "zod";
import { classSummary } from "../agreement/classSummary";
import { type AgreementView, COHORT_VIEW_MIN_CODERS, viewCoders } from "../agreement/runSchema";
import type { CurrentUser } from "../auth/currentUser";
import { auditExercise, exerciseFor } from "../auth/exerciseAccess";
import { can } from "../auth/can";
import { rightsChanged } from "../collab/rightsBus";
import { roomUpdated } from "../collab/roomEvents";
import { roomName, transcriptRoom } from "../collab/roomName";
import { storedUpdate } from "../collab/storedUpdates";
import type { Db } from "../db/client";
import { agreementView, latestAgreementRun } from "../db/queries/agreement";
import { type ExerciseDetail, getExercise, revealExercise, submitLayer } from "../db/queries/exercises";
import { appendUpdate, loadRoomDoc } from "../db/queries/yjsLog";
import { agreementUnits } from "../domain/agreementUnits";
import { readLayer, setReviewed } from "../domain/layerDoc";
import { readTurns } from "../domain/transcriptDoc";
import { AGREEMENT_NOT_AVAILABLE, AppError } from "../errors";

/**
 * The exercise decisions and the agreement read, without Next (the routes only speak HTTP; tests call
 * these with a real database): who may, what changes, what is audited.
 */

/**
 * GET /api/exercises/:id/agreement: the live summary or the latest stored run, or the one 404 every
 * agreement channel gives. From COHORT_VIEW_MIN_CODERS compared coders it is the class summary, as pushed
 * to watchers (lib/agreement/classSummary): no pairs — 4,950 of them at 100 coders, ~7 MB of JSON that a
 * screen polling every 500 ms had the server serialize and gzip twice a second, which held the event loop
 * that "saved" acks wait on — and each variable's per-coder notes counted. One pair's numbers come from
 * GET /api/exercises/:id/agreement/detail?a=&b=, every pair from the agreement-json export (CONTRACTS §4).
 */
export async function readAgreement(db: Db, user: CurrentUser, exerciseId: string): Promise<AgreementView> {
  const view = await agreementFor(db, user, exerciseId);
  return view.comparedCoders.length >= COHORT_VIEW_MIN_CODERS ? classSummary(view) : view;
}

async function agreementFor(db: Db, user: CurrentUser, exerciseId: string): Promise<AgreementView> {
  const { exercise, facts } = await exerciseFor(db, user, exerciseId);
  if (!can(user.subject, "exercise.agreement", { kind: "exercise", exercise: facts })) {
    await auditExercise(db, user, exercise, "exercise.agreement_read", "denied");
    throw new AppError("not_found", AGREEMENT_NOT_AVAILABLE);
  }
  // The live summary of this process's collaboration server, current within a second (issue 8).
  const live = liveAgreementProvider();
  const summary = live ? await live(exerciseId) : null;
  // The live summary is built once for every viewer; the names are this viewer's (exerciseFor).
  if (summary) return { ...summary, coders: viewCoders(exercise.coders) };
  const run = await latestAgreementRun(db, exerciseId);
  if (!run) throw new AppError("not_found", AGREEMENT_NOT_AVAILABLE);
  // Allowed reads are not audited: the page and the live strip read this often; refusals are.
  return agreementView(run, exercise.coders);
}

export const OPEN_REVEAL_MESSAGE =
  "Reveal is for blind exercises: in an open exercise coders already see each other's codes, so nothing is hidden and the exercise stays as it is.";

/** POST /api/exercises/:id/reveal: blind exercises only; an open one answers 409 and stays unchanged. */
export async function revealAs(db: Db, user: CurrentUser, exerciseId: string): Promise<void> {
  const { exercise, facts } = await exerciseFor(db, user, exerciseId);
  if (!can(user.subject, "exercise.manage", { kind: "exercise", exercise: facts })) {
    await auditExercise(db, user, exercise, "exercise.reveal", "denied");
    throw new AppError("forbidden", "Only supervisors and instructors can reveal an exercise.");
  }
  // Open coding hides nothing, so there is nothing to reveal; revealing would only end its coding.
  if (exercise.mode === "open") throw new AppError("conflict", OPEN_REVEAL_MESSAGE);
  if (exercise.state !== "coding") throw new AppError("conflict", "This exercise has already been revealed.");
  await revealExercise(db, exerciseId);
  await auditExercise(db, user, exercise, "exercise.reveal");
  rightsChanged({ kind: "exercise", exerciseId, transcriptId: exercise.transcriptId });
}

/**
 * The submit body (optional: a script may POST nothing). `unreviewed` answers "mark the remaining units
 * reviewed with no code, or leave them as not looked at?"; without an answer they stay not looked at.
 */
export const submitBodySchema = z.object({ unreviewed: z.enum(["reviewed", "missing"]).optional() }).strict();
export type SubmitBody = z.infer<typeof submitBodySchema>;

export interface SubmitOutcome {
  submitted: true;
  revealed: boolean;
  /** The units the coder had not looked at, and what became of them. */
  unreviewed: { count: number; choice: "reviewed" | "missing" };
}

/** Unit turns (the exercise's setting) the coder has neither marked reviewed nor coded, from the stored log. */
async function unlookedUnits(db: Db, exercise: ExerciseDetail, layerDoc: Y.Doc): Promise<string[]> {
  const { doc: txDoc } = await loadRoomDoc(db, transcriptRoom(exercise.transcriptId));
  try {
    const units = agreementUnits(readTurns(txDoc), exercise.unitScope);
    const layer = readLayer(layerDoc);
    const looked = new Set([...layer.reviewed, ...layer.codes.map((c) => c.turnId)]);
    return units.turnIds.filter((id) => !looked.has(id));
  } finally {
    txDoc.destroy();
  }
}

/** POST /api/exercises/:id/submit. */
export async function submitAs(db: Db, user: CurrentUser, exerciseId: string, body: SubmitBody): Promise<SubmitOutcome> {
  const { exercise, facts } = await exerciseFor(db, user, exerciseId);
  if (!can(user.subject, "exercise.submit", { kind: "exercise", exercise: facts })) throw new AppError("forbidden", "Only the exercise's coders submit layers.");
  if (exercise.state !== "coding") throw new AppError("conflict", "This exercise is no longer open for coding.");
  const room = roomName({ kind: "layer", exerciseId, coderId: user.id });
  const { doc } = await loadRoomDoc(db, room);
  let unlooked: string[];
  const choice = body.unreviewed ?? "missing";
  try {
    unlooked = await unlookedUnits(db, exercise, doc);
    if (choice === "reviewed" && unlooked.length > 0 && !(exercise.coders.find((c) => c.id === user.id)?.submitted ?? false)) {
      // Written into the coder's own layer, as if they had pressed R on each: the layer then says what the
      // agreement counts (CONTRACTS §5 "looked at"), for exports and third-party readers too.
      const before = Y.encodeStateVector(doc);
      setReviewed(doc, unlooked, true);
      const update = Y.encodeStateAsUpdate(doc, before);
      await appendUpdate(db, room, update);
      storedUpdate(room, update);
      roomUpdated(room);
    }
  } finally {
    doc.destroy();
  }
  const unreviewed = { count: unlooked.length, choice };
  const changed = await submitLayer(db, exerciseId, user.id, unlooked.length > 0 ? unreviewed : null);
  let revealed = false;
  if (changed && exercise.revealRule === "all_submitted") {
    const after = await getExercise(db, exerciseId);
    if (after && after.coders.every((c) => c.submitted)) revealed = await revealExercise(db, exerciseId);
  }
  await auditExercise(db, user, exercise, "exercise.submit");
  if (revealed) await auditExercise(db, user, exercise, "exercise.reveal");
  rightsChanged({ kind: "exercise", exerciseId, transcriptId: exercise.transcriptId });
  return { submitted: true, revealed, unreviewed };
}
