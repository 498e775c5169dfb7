import { and, asc, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { type Subject, roleIn } from "../../auth/can";
import { DIMENSIONS } from "../../domain/codebook";
import {
  CURVE_STATISTICS,
  type CohortProgress,
  type CurveStatistic,
  type CurveVariable,
  type KeyReading,
  type ProgressExercise,
  type TraineeEntry,
  type TraineeProgress,
} from "../../domain/learningCurve";
import type { Db } from "../client";
import { agreementResults, agreementRuns, exerciseCoders, exercises, memberships, users } from "../schema";

/**
 * Learning curves against the key (lib/domain/learningCurve): each trainee's agreement with the key
 * coder on every exercise that counts, read from the exercise's latest stored run.
 *
 * Which exercises count: those with a key coder, coded blind, and revealed or closed — independent
 * reliability data, the only kind a criterion may be judged on. Left off (and counted, so the page can
 * say why): blind exercises still coding (their agreement is hidden from everyone's view until the
 * reveal and would change under the reader), open exercises with a key (the trainee saw the key's codes
 * as they coded: that measures copying, not coding), and revealed ones without key data (no run stored,
 * or the key coder had not coded a turn). A trainee's sequence holds only the exercises they code in
 * (they are not members of the others), numbered 1… in the same order.
 *
 * The numbers come from agreement_results (the run flattened), not from the run's JSON: a cohort run's
 * output is megabytes, and only the trainee-vs-key rows are needed.
 */

/** Who may see which rows: staff the whole cohort, a trainee only their own curve. */
export type ProgressScope = { kind: "cohort" } | { kind: "self"; userId: string };

export function progressScopeFor(subject: Subject, cohortId: string): ProgressScope | null {
  const role = roleIn(subject, cohortId);
  if (role === null) return null;
  return role === "trainee" ? { kind: "self", userId: subject.userId } : { kind: "cohort" };
}

const VARIABLES: readonly CurveVariable[] = [...DIMENSIONS, "pooled"];
const STATISTIC_BY_KEY = new Map(Object.values(CURVE_STATISTICS).map((s) => [s.key as string, s.id]));

export async function cohortProgress(db: Db, cohortId: string, scope: ProgressScope): Promise<CohortProgress> {
  const keyed = await db
    .select({
      id: exercises.id,
      title: exercises.title,
      mode: exercises.mode,
      state: exercises.state,
      createdAt: exercises.createdAt,
      revealedAt: exercises.revealedAt,
      keyCoderId: exercises.keyCoderId,
      keyCoderName: users.name,
    })
    .from(exercises)
    .leftJoin(users, eq(users.id, exercises.keyCoderId))
    .where(
      and(
        eq(exercises.cohortId, cohortId),
        isNotNull(exercises.keyCoderId),
        // A trainee is not a member of exercises they do not code in (exerciseRules): not even their titles.
        ...(scope.kind === "self"
          ? [inArray(exercises.id, db.select({ id: exerciseCoders.exerciseId }).from(exerciseCoders).where(eq(exerciseCoders.userId, scope.userId)))]
          : []),
      ),
    )
    .orderBy(asc(exercises.createdAt), asc(exercises.id));

  const candidates = keyed.filter((e) => e.mode === "blind" && e.state !== "coding");
  const excluded = {
    stillCoding: keyed.filter((e) => e.mode === "blind" && e.state === "coding").length,
    openMode: keyed.filter((e) => e.mode === "open").length,
    noKeyData: 0,
  };

  // The latest run of each candidate. Nothing is read from the run's JSON: a class's run is megabytes, and
  // detoasting it per page view is what made this page slow (issue 8 item 4). Its key is the exercise's key
  // coder; a run without any result row for the key (the key coder had not coded) does not count.
  const latest =
    candidates.length === 0
      ? []
      : await db
          .selectDistinctOn([agreementRuns.exerciseId], {
            id: agreementRuns.id,
            exerciseId: agreementRuns.exerciseId,
            computedAt: agreementRuns.computedAt,
          })
          .from(agreementRuns)
          .where(
            inArray(
              agreementRuns.exerciseId,
              candidates.map((e) => e.id),
            ),
          )
          .orderBy(agreementRuns.exerciseId, desc(agreementRuns.computedAt), desc(agreementRuns.id));
  const keyOf = new Map(candidates.map((e) => [e.id, e.keyCoderId]));
  const keyPairRows = latest.length === 0
    ? []
    : await db
        .select({ runId: agreementResults.runId, coderA: agreementResults.coderA, coderB: agreementResults.coderB, nUnits: sql<number>`max(${agreementResults.nUnits})` })
        .from(agreementResults)
        .where(and(inArray(agreementResults.runId, latest.map((r) => r.id)), eq(agreementResults.variable, "pooled"), isNotNull(agreementResults.coderA)))
        .groupBy(agreementResults.runId, agreementResults.coderA, agreementResults.coderB);
  const keyUnits = new Map<string, number>();
  for (const row of keyPairRows) {
    const run = latest.find((r) => r.id === row.runId);
    const key = run ? keyOf.get(run.exerciseId) : null;
    if (!run || !key || (row.coderA !== key && row.coderB !== key)) continue;
    keyUnits.set(run.id, Math.max(keyUnits.get(run.id) ?? 0, Number(row.nUnits)));
  }
  const runs = latest.filter((r) => keyUnits.has(r.id)).map((r) => ({ ...r, keyCoderId: keyOf.get(r.exerciseId)!, nUnits: keyUnits.get(r.id)! }));
  const runByExercise = new Map(runs.map((r) => [r.exerciseId, r]));
  const counted = candidates.filter((e) => runByExercise.has(e.id));
  excluded.noKeyData = candidates.length - counted.length;

  const exerciseList: ProgressExercise[] = counted.map((e, i) => {
    const run = runByExercise.get(e.id)!;
    return {
      id: e.id,
      title: e.title,
      position: i + 1,
      setAt: e.createdAt.toISOString(),
      revealedAt: e.revealedAt?.toISOString() ?? null,
      state: e.state === "closed" ? "closed" : "revealed",
      keyCoderName: e.keyCoderName ?? "the key coder",
      nTurns: Number(run.nUnits ?? 0),
      computedAt: run.computedAt.toISOString(),
    };
  });

  const traineeRows = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.cohortId, cohortId),
        eq(memberships.role, "trainee"),
        // A trainee's query never reads another trainee's rows, so nothing else can leak to the page.
        ...(scope.kind === "self" ? [eq(memberships.userId, scope.userId)] : []),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  const traineeIds = traineeRows.map((t) => t.id);
  if (traineeIds.length === 0 || counted.length === 0) {
    return { scope: scope.kind, exercises: exerciseList, trainees: traineeRows.map((t) => ({ ...t, entries: [] })), excluded };
  }

  const countedIds = counted.map((e) => e.id);
  const assignments = await db
    .select({ exerciseId: exerciseCoders.exerciseId, userId: exerciseCoders.userId })
    .from(exerciseCoders)
    .where(and(inArray(exerciseCoders.exerciseId, countedIds), inArray(exerciseCoders.userId, traineeIds)));

  const runIds = counted.map((e) => runByExercise.get(e.id)!.id);
  const rows = await db
    .select({
      runId: agreementResults.runId,
      variable: agreementResults.variable,
      coderA: agreementResults.coderA,
      coderB: agreementResults.coderB,
      statistic: agreementResults.statistic,
      value: agreementResults.value,
      ciLow: agreementResults.ciLow,
      ciHigh: agreementResults.ciHigh,
      nUnits: agreementResults.nUnits,
      warnings: agreementResults.warnings,
    })
    .from(agreementResults)
    .where(
      and(
        inArray(agreementResults.runId, runIds),
        inArray(agreementResults.variable, [...VARIABLES]),
        inArray(agreementResults.statistic, [...STATISTIC_BY_KEY.keys()]),
        or(inArray(agreementResults.coderA, traineeIds), inArray(agreementResults.coderB, traineeIds)),
      ),
    );

  const keyOfRun = new Map(counted.map((e) => [runByExercise.get(e.id)!.id, runByExercise.get(e.id)!]));
  /** `${exerciseId} ${traineeId}` → statistic → variable → reading. */
  const readings = new Map<string, Partial<Record<CurveStatistic, Partial<Record<CurveVariable, KeyReading>>>>>();
  for (const row of rows) {
    const run = keyOfRun.get(row.runId);
    if (!run) continue;
    // Only the pair {trainee, key}: pairs between trainees are not scores against the key.
    const trainee = row.coderA === run.keyCoderId ? row.coderB : row.coderB === run.keyCoderId ? row.coderA : null;
    const statistic = STATISTIC_BY_KEY.get(row.statistic);
    if (!trainee || !statistic || !traineeIds.includes(trainee)) continue;
    const key = `${run.exerciseId} ${trainee}`;
    const byStatistic = readings.get(key) ?? {};
    const byVariable = byStatistic[statistic] ?? {};
    byVariable[row.variable as CurveVariable] = {
      value: row.value,
      ci: row.ciLow !== null && row.ciHigh !== null ? [row.ciLow, row.ciHigh] : null,
      nUnits: row.nUnits,
      warnings: Array.isArray(row.warnings) ? row.warnings.filter((w): w is string => typeof w === "string") : [],
    };
    byStatistic[statistic] = byVariable;
    readings.set(key, byStatistic);
  }

  const position = new Map(exerciseList.map((e) => [e.id, e.position]));
  const trainees: TraineeProgress[] = traineeRows.map((t) => {
    const entries: TraineeEntry[] = assignments
      .filter((a) => a.userId === t.id)
      .sort((a, b) => position.get(a.exerciseId)! - position.get(b.exerciseId)!)
      .map((a) => {
        const found = readings.get(`${a.exerciseId} ${t.id}`);
        return found ? { exerciseId: a.exerciseId, compared: true, readings: found } : { exerciseId: a.exerciseId, compared: false };
      });
    return { id: t.id, name: t.name, entries };
  });
  return { scope: scope.kind, exercises: exerciseList, trainees, excluded };
}
