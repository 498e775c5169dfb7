import type { CurrentUser } from "../auth/currentUser";
import { auditExercise, exerciseFor } from "../auth/exerciseAccess";
import { type ExerciseFacts, can } from "../auth/can";
import { transcriptRoom } from "../collab/roomName";
import type { Db } from "../db/client";
import { ALL_TURNS_DEFINITION, keyRows } from "../agreement/runSchema";
import { headlineSettingForExercise } from "../db/queries/cohortHeadline";
import { exerciseHeadline, traineeHeadline } from "../domain/headline";
import { latestRunWithPairsOf, unitMasksOf } from "../db/queries/agreement";
import type { ExerciseDetail } from "../db/queries/exercises";
import { loadRoomDoc } from "../db/queries/yjsLog";
import { type TurnDistribution, buildGroupReview } from "../domain/groupReview";
import { MISSING_MASK } from "../domain/fadUnits";
import { type Turn, readTurns } from "../domain/transcriptDoc";
import { AppError } from "../errors";
import type { GroupReviewPayload, ReviewTurn } from "./groupReviewTypes";

export type { GroupReviewPayload, ReviewTurn } from "./groupReviewTypes";

/**
 * The class's coding of one exercise, turn by turn, for the group review (staff, on a projector) and
 * for a trainee's "me vs key" — one server-built payload, read from the latest stored agreement run's
 * unit masks and the transcript (one document), never from the coders' layer logs.
 *
 * Rights are the agreement API's exactly (can "exercise.agreement"; a blind coder before the reveal gets the
 * same 404 and body as "no agreement yet"). Names follow can "exercise.see_coder_names": staff get every coder's name
 * and, per code, who gave it; a trainee gets them only when the exercise allows it, otherwise only
 * counts, their own codes and the key's.
 */

export const GROUP_REVIEW_NOT_AVAILABLE = "No agreement is available for this exercise yet.";

/** Context turns are cut: the turn under review carries the codes; the one before only says what it answers. */
const CONTEXT_CHARS = 280;

function reviewTurns(allTurns: readonly Turn[], units: readonly string[], distributions: readonly TurnDistribution[], mine: ArrayLike<number> | null): ReviewTurn[] {
  const byId = new Map(allTurns.map((t) => [t.id, t]));
  const unitIds = new Set(units);
  const out: ReviewTurn[] = [];
  distributions.forEach((d, u) => {
    const turn = byId.get(d.turnId);
    if (!turn) return;
    const previous = turn.index > 0 ? allTurns[turn.index - 1] : undefined;
    const row: ReviewTurn = { ...d, index: turn.index, speaker: turn.speaker, role: turn.role, text: turn.text };
    if (previous && !unitIds.has(previous.id)) {
      row.before = { index: previous.index, speaker: previous.speaker, text: previous.text.length > CONTEXT_CHARS ? `${previous.text.slice(0, CONTEXT_CHARS)}…` : previous.text };
    }
    if (mine) {
      const m = mine[u] ?? MISSING_MASK;
      row.me = m === MISSING_MASK ? null : m;
    }
    out.push(row);
  });
  return out;
}

/** The payload for a viewer already allowed to see agreement (callers check can "exercise.agreement"); null while no run with unit data exists. */
export async function loadGroupReview(db: Db, user: CurrentUser, exercise: ExerciseDetail, facts: ExerciseFacts): Promise<GroupReviewPayload | null> {
  // The review reads the per-unit codes, the class headline and, for a coder, "me vs key": of a class's
  // pairs (megabytes at 100 coders) only a coder's own are read, and staff on a projector read none.
  const wantsOwnPair = facts.coderIds.includes(user.id) && exercise.keyCoderId !== null && exercise.keyCoderId !== user.id;
  const run = await latestRunWithPairsOf(db, exercise.id, wantsOwnPair ? [user.id] : []);
  const unitMasks = run ? unitMasksOf(run) : null;
  if (!run || !unitMasks) return null;
  const namesVisible = can(user.subject, "exercise.see_coder_names", { kind: "exercise", exercise: facts });
  const compared = Object.keys(unitMasks.masks);
  // Cohort order: by name (as the exercise lists its coders), so indices mean the same on every load.
  const ordered = exercise.coders.map((c) => c.id).filter((id) => compared.includes(id));
  const review = buildGroupReview({ units: unitMasks.units, coders: ordered, masks: unitMasks.masks, keyCoderId: exercise.keyCoderId, withCoders: namesVisible });
  const { doc } = await loadRoomDoc(db, transcriptRoom(exercise.transcriptId));
  let allTurns: Turn[];
  try {
    allTurns = readTurns(doc);
  } finally {
    doc.destroy();
  }
  const nameOf = new Map(exercise.coders.map((c) => [c.id, c.name]));
  const viewerIsCoder = facts.coderIds.includes(user.id);
  const isStaff = can(user.subject, "exercise.manage", { kind: "exercise", exercise: facts });
  const mine = viewerIsCoder ? (unitMasks.masks[user.id] ?? null) : null;
  const keyId = review.keyCoderId;
  const setting = await headlineSettingForExercise(db, exercise.id);
  const ownPair = viewerIsCoder && keyId !== null && keyId !== user.id ? keyRows(run.output).find((row) => row.coder === user.id) : undefined;
  return {
    exercise: { id: exercise.id, title: exercise.title, mode: exercise.mode, state: exercise.state, transcriptId: exercise.transcriptId, coderNamesVisible: exercise.coderNamesVisible },
    computedAt: run.computedAt.toISOString(),
    unitDefinition: run.output.unitDefinition ?? ALL_TURNS_DEFINITION,
    headline: exerciseHeadline(setting, run.output.variables),
    viewerHeadline: ownPair ? traineeHeadline(setting, ownPair.variables) : null,
    cohort: review.cohort.map((id) => ({ id, name: namesVisible || id === user.id ? (nameOf.get(id) ?? null) : null })),
    key: keyId ? { id: keyId, name: nameOf.get(keyId) ?? "the key" } : null,
    idle: exercise.coders.length - compared.length,
    namesVisible,
    viewer: { id: user.id, isStaff, isCoder: viewerIsCoder, isKey: keyId === user.id, canSettle: can(user.subject, "consensus.write", { kind: "exercise", exercise: facts }) },
    turns: reviewTurns(allTurns, unitMasks.units, review.turns, mine && mine.length === unitMasks.units.length ? mine : null),
  };
}

/**
 * GET /api/exercises/:id/group-review's whole job, without Next: authorize like the agreement API, load,
 * audit (every answered read is one "open"; refusals are audited as denied).
 */
export async function readGroupReview(db: Db, user: CurrentUser, exerciseId: string): Promise<GroupReviewPayload> {
  const { exercise, facts } = await exerciseFor(db, user, exerciseId);
  if (!can(user.subject, "exercise.agreement", { kind: "exercise", exercise: facts })) {
    await auditExercise(db, user, exercise, "exercise.group_review_read", "denied");
    throw new AppError("not_found", GROUP_REVIEW_NOT_AVAILABLE);
  }
  const payload = await loadGroupReview(db, user, exercise, facts);
  if (!payload) throw new AppError("not_found", GROUP_REVIEW_NOT_AVAILABLE);
  await auditExercise(db, user, exercise, "exercise.group_review_read");
  return payload;
}
